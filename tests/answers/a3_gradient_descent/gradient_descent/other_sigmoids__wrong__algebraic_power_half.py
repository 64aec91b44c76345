# hint: Your derivative of x / √(1 + x²) loses part of the quotient rule: redo the derivative, the result is (1 + x²)^(−3/2).
# why: derivative of x / sqrt(1 + x^2) taken as (1 + x^2)^(-1/2): the quotient rule's second term is lost
# fails: test_grad_algebraic_sigmoid
def algebraic_sigmoid(x):
    """x / sqrt(1 + x^2), elementwise."""
    return x / np.sqrt(1.0 + x**2)


def grad_algebraic_sigmoid(x):
    """The derivative of algebraic_sigmoid, elementwise."""
    return 1.0 / np.sqrt(1.0 + x**2)


def arctan_sigmoid(x):
    """(2 / pi) * arctan(pi * x / 2), elementwise."""
    return 2.0 / np.pi * np.arctan(np.pi / 2.0 * x)


def grad_arctan_sigmoid(x):
    """The derivative of arctan_sigmoid, elementwise."""
    return 1.0 / (1.0 + (np.pi / 2.0 * x) ** 2)
