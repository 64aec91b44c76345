# why: absolute value instead of max(x, 0)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.abs(X)
