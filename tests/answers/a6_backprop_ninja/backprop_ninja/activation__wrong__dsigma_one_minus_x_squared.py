# hint: Your `dsigma` computes 1 − x²: that formula holds for the output h = tanh(x), but `dsigma` gets the input x. Use 1 − tanh(x)².
# why: 1 - x^2, the formula meant for the output h = tanh(x), applied to the input x
# fails: test_dsigma
def sigma(x):
    """tanh, elementwise."""
    return torch.tanh(x)


def dsigma(x):
    """The derivative of tanh at x, elementwise: 1 - tanh(x)**2."""
    return 1 - x**2
