# hint: Your derivative is a tensor: return it as a Python float (`.item()`).
# why: returns the gradient tensor t.grad instead of a Python float
# fails: test_autograd_derivative
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    fn(t).backward()
    return t.grad
