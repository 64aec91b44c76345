# why: returns a flattened result (works only for 1-D input)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.clamp(X.reshape(-1), min=0)
