# why: sigma(z) = (1 + tanh(z / 2)) / 2, which cannot overflow; derivative from the sigmoid's own output
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s - s * s
