# hint: Your derivative is σ(z) itself: the derivative of the sigmoid is σ(z)(1 − σ(z)).
# why: sigma' written as sigma(z) instead of sigma(z)(1 - sigma(z))
# fails: test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    return sigmoid(z)
