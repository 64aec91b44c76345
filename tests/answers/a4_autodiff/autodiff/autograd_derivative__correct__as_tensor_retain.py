# why: torch.as_tensor then requires_grad_(), gradient read after backward through a float() conversion
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    t = torch.as_tensor(x, dtype=torch.float64).clone().requires_grad_(True)
    out = fn(t)
    out.backward()
    return float(t.grad)
