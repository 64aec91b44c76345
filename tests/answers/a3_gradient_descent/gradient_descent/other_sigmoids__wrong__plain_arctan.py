# hint: Your arctan sigmoid is not scaled: it must go from −1 to 1, so scale both the input and the output as the text says.
# why: plain arctan(x), without the scaling to the range (-1, 1)
# fails: test_arctan_sigmoid test_grad_arctan_sigmoid
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x / np.sqrt(1.0 + x**2)


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    return (1.0 + x**2) ** -1.5


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return np.arctan(x)


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    return 1.0 / (1.0 + x**2)
