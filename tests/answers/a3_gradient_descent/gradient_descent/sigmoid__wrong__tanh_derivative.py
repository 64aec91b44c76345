# hint: Your derivative is the one of tanh (1 − s²): the derivative of the logistic sigmoid is σ(z)(1 − σ(z)).
# why: uses the tanh rule 1 - s^2 for the derivative of the logistic sigmoid
# fails: test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    return 1.0 - sigmoid(z) ** 2
