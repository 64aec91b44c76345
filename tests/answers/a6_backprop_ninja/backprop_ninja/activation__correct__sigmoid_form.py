# why: tanh(x) = 2 sigmoid(2x) - 1, and the derivative as (1 - s)(1 + s)
def sigma(x):
    """tanh, elementwise."""
    return 2 * torch.sigmoid(2 * x) - 1


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    s = torch.tanh(x)
    return (1 - s) * (1 + s)
