# why: np.where around the two literal formulas evaluates both branches everywhere, so it still overflows
# fails: test_sigmoid test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)
