# hint: You call the tensor's own ReLU method: this exercise asks for ReLU by hand, with basic tensor operations.
# why: uses the tensor method X.relu(), which the exercise forbids (ReLU by hand)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return X.relu()
