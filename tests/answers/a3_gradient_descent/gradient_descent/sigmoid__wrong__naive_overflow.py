# why: the literal formula 1 / (1 + exp(-z)) overflows (RuntimeWarning) for z < -709
# fails: test_sigmoid test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return 1.0 / (1.0 + np.exp(-z))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)
