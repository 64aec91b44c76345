# hint: Your function is x / (1 + |x|), another sigmoid-shaped function: the exercise asks for x / √(1 + x²).
# why: the softsign x / (1 + |x|), another sigmoid-shaped function, instead of the algebraic one asked for
# fails: test_algebraic_sigmoid test_grad_algebraic_sigmoid
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x / (1.0 + np.abs(x))


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    return 1.0 / (1.0 + np.abs(x)) ** 2


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return 2.0 / np.pi * np.arctan(np.pi / 2.0 * x)


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    return 1.0 / (1.0 + (np.pi / 2.0 * x) ** 2)
