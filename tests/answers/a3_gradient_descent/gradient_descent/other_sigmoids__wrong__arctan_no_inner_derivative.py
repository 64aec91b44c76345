# hint: Your derivative of the arctan sigmoid misses the chain rule's inner derivative (the factor π/2 inside the arctan).
# why: chain rule forgotten: the inner derivative pi/2 of arctan(pi x / 2) is missing
# fails: test_grad_arctan_sigmoid
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x / np.sqrt(1.0 + x**2)


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    return (1.0 + x**2) ** -1.5


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return 2.0 / np.pi * np.arctan(np.pi / 2.0 * x)


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    return 2.0 / np.pi / (1.0 + (np.pi / 2.0 * x) ** 2)
