# hint: Your tanh comes from its exponential formula: exp overflows to inf for large |x| and inf / inf is nan. Use `torch.tanh`.
# why: tanh from its exponential formula: exp overflows to inf beyond |x| = 88 in float32, giving nan
# fails: test_sigma test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return 1 - sigma(x) ** 2
