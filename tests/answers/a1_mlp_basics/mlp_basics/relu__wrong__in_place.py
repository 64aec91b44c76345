# hint: Your ReLU changes its input in place: `X` must stay as it was. Return a new tensor.
# why: clamps the input in place (modifies X)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return X.clamp_(min=0)
