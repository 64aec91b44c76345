# why: np.where over two formulas: the unused branch overflows (a warning), the values are right
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)
