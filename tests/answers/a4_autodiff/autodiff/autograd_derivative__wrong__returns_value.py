# hint: You return the value of the function, not its derivative: call `backward()` on it and return the gradient of the input.
# why: returns fn(x) itself instead of its derivative
# fails: test_autograd_derivative
def autograd_derivative(fn, x):
    """fn'(x) by torch.autograd, in float64, as a Python float."""
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    y = fn(t)
    y.backward()
    return y.item()
