# hint: Your derivative is computed in float32 (about 7 significant digits): create the input tensor as float64.
# why: leaves the tensor in the default float32: about 7 significant digits
# fails: test_autograd_derivative
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    t = torch.tensor(x, requires_grad=True)
    fn(t).backward()
    return t.grad.item()
