# why: the same functions written differently: powers instead of sqrt, 4 / (4 + pi^2 x^2) for the arctan derivative
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x * (1.0 + x * x) ** -0.5


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    q = 1.0 + x * x
    return 1.0 / (q * np.sqrt(q))


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return np.arctan(np.pi * x / 2.0) * 2.0 / np.pi


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    return 4.0 / (4.0 + np.pi**2 * x**2)
