# hint: Your sigmoid has the wrong sign in the exponential: σ(z) = 1 / (1 + exp(−z)), which goes to 1 for large z.
# why: exp(z) instead of exp(-z): computes sigma(-z)
# fails: test_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    return 1.0 / (1.0 + np.exp(z))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    s = sigmoid(z)
    return s * (1.0 - s)
