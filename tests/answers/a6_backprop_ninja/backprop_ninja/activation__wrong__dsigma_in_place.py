# hint: Your `dsigma` changes its input in place (an in-place tanh): `x` must stay as it was. Use the out-of-place functions.
# why: dsigma overwrites its input with tanh(x) (tanh_ works in place)
# fails: test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.tanh(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    s = x.tanh_()
    return 1 - s * s
