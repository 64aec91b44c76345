# hint: Your derivative is a numerical approximation (finite differences): the exercise asks for autograd's exact derivative (`backward()` and the input's `.grad`).
# why: a central difference instead of autograd: off by about 1e-9 relative
# fails: test_autograd_derivative
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    h = 1e-6
    plus = fn(torch.tensor(x + h, dtype=torch.float64))
    minus = fn(torch.tensor(x - h, dtype=torch.float64))
    return ((plus - minus) / (2 * h)).item()
