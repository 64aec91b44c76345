# hint: You call PyTorch's ReLU: this exercise asks for ReLU by hand, with basic tensor operations.
# why: uses F.relu, which the exercise forbids (ReLU by hand)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return F.relu(X)
