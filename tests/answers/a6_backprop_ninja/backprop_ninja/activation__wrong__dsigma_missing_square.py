# hint: Your `dsigma` misses the square: the derivative of tanh is 1 − tanh(x)².
# why: 1 - tanh(x), the square forgotten
# fails: test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.tanh(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return 1 - torch.tanh(x)
