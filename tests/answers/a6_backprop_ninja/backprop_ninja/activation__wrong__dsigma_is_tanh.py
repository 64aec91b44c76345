# hint: Your `dsigma` returns tanh itself: the derivative of tanh is 1 − tanh(x)².
# why: the derivative written as tanh itself
# fails: test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.tanh(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return torch.tanh(x)
