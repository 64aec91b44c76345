# hint: Your ReLU returns the absolute value: negative inputs must become 0, not their opposite.
# why: absolute value instead of max(x, 0)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.abs(X)
