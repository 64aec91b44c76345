# hint: Your ReLU changes the shape of its input (it flattens it): return a tensor of the same shape as `X`.
# why: returns a flattened result (works only for 1-D input)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.clamp(X.reshape(-1), min=0)
