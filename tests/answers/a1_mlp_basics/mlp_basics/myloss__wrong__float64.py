# hint: Your `x` and `u` are float64: the exercise asks for float32 tensors (PyTorch's default floating-point dtype).
# why: creates x and u as float64 tensors where float32 is asked
# fails: test_myloss
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return 2 * torch.dot(x, u)


x = torch.tensor([0.0, 1.0], dtype=torch.float64, requires_grad=True)
u = torch.tensor([2.0, 3.0], dtype=torch.float64, requires_grad=True)

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)  # no backward pass yet: both are None
