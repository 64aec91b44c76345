# why: the derivative as 1 / cosh(x)^2 (cosh overflows to inf at large |x|, giving exactly 0)
def sigma(x):
    """tanh, elementwise."""
    return x.tanh()


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return torch.cosh(x).pow(-2)
