# hint: Your loss is a vector, not a number: xᵀu is the sum of the elementwise products of x and u.
# why: elementwise product without the sum: a vector, not a scalar
# fails: test_myloss
def myloss(x, u):
    """f(x, u) = 2 x^T u."""

    return 2 * x * u


x = torch.tensor([0.0, 1.0], requires_grad=True)
u = torch.tensor([2.0, 3.0], requires_grad=True)

l = myloss(x, u)
print(x, u, l)
print(x.grad, u.grad)
