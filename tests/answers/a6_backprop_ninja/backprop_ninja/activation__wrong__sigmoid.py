# hint: Your σ is the logistic sigmoid: in this assignment σ is tanh (and σ′ its derivative).
# why: the logistic sigmoid and its derivative instead of tanh
# fails: test_sigma test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.sigmoid(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    s = torch.sigmoid(x)
    return s * (1 - s)
