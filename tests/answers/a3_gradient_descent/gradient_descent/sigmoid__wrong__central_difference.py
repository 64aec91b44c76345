# hint: Your derivative is a numerical approximation (finite differences): the exercise asks for the closed form σ(z)(1 − σ(z)).
# why: grad_sigmoid as a central difference of sigmoid (h = 1e-5): off by about 1e-11, not the closed form asked for
# fails: test_grad_sigmoid
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    h = 1e-5
    return (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
