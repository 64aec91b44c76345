# hint: Your derivative has the wrong sign inside: the derivative of the sigmoid is σ(z)(1 − σ(z)).
# why: derivative written s * (1 + s)
# fails: test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return 1.0 / (1.0 + np.exp(-z))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 + s)
