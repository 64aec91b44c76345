# why: dsigma overwrites its input with tanh(x) (tanh_ works in place)
# fails: test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.tanh(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    s = x.tanh_()
    return 1 - s * s
