# hint: Your `x` and `u` do not require gradients: create them with `requires_grad=True`, or `backward()` cannot compute their gradients.
# why: creates x and u without requires_grad
# fails: test_myloss
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return 2 * torch.dot(x, u)


x = torch.tensor([0.0, 1.0])
u = torch.tensor([2.0, 3.0])

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)
