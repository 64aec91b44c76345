# hint: Your derivatives are numerical approximations (finite differences): the exercise asks for the closed forms.
# why: both derivatives as central differences (h = 1e-6) instead of the closed forms: off by about 1e-10
# fails: test_grad_algebraic_sigmoid test_grad_arctan_sigmoid
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x / np.sqrt(1.0 + x**2)


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    h = 1e-6
    return (algebraic_sigmoid(x + h) - algebraic_sigmoid(x - h)) / (2 * h)


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return 2.0 / np.pi * np.arctan(np.pi / 2.0 * x)


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    h = 1e-6
    return (arctan_sigmoid(x + h) - arctan_sigmoid(x - h)) / (2 * h)
