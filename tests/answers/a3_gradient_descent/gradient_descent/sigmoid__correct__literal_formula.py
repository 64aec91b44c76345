# why: the literal formula: right values (1/inf = 0); its overflow warning alone costs nothing
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return 1.0 / (1.0 + np.exp(-z))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)
