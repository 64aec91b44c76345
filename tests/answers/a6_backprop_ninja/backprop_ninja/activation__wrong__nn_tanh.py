# hint: You use the module `nn.Tanh`: the from-scratch exercises ask for the function `torch.tanh`.
# why: sigma with the module nn.Tanh(), which the from-scratch exercises do not allow (right values)
# fails: test_sigma
def sigma(x):
    """tanh, elementwise."""
    return nn.Tanh()(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return 1.0 - torch.tanh(x) ** 2
