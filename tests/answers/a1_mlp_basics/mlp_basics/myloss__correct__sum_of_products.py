# why: elementwise product summed, tensors made with arange
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return (2 * x * u).sum()


x = torch.arange(2.0).requires_grad_()
u = torch.arange(2.0, 4.0).requires_grad_()

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)
