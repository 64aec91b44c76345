# hint: Your `myloss` only works for vectors of length 2: write the dot product for vectors of any length.
# why: only works for 2-element vectors
# fails: test_myloss
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return 2 * (x[0] * u[0] + x[1] * u[1])


x = torch.tensor([0.0, 1.0], requires_grad=True)
u = torch.tensor([2.0, 3.0], requires_grad=True)

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)
