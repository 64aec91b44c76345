# why: torch.autograd.grad instead of backward() and .grad
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    t = torch.tensor(float(x), dtype=torch.float64).requires_grad_()
    (grad,) = torch.autograd.grad(fn(t), t)
    return float(grad)
