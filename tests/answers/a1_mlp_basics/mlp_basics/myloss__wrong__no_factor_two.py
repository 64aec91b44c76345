# hint: Your loss misses the factor 2 of f(x, u) = 2 xᵀu.
# why: forgets the factor 2
# fails: test_myloss
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return torch.dot(x, u)


x = torch.tensor([0.0, 1.0], requires_grad=True)
u = torch.tensor([2.0, 3.0], requires_grad=True)

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)
