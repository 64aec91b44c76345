# hint: Each tensor is updated with the other one's gradient: `x` moves against `x.grad`, `u` against `u.grad`.
# why: updates x with u's gradient and u with x's
# fails: test_manual_update
x = torch.arange(2.0, requires_grad=True)
u = torch.arange(2.0, 4.0, requires_grad=True)
x_given, u_given = x, u  # the test checks that x and u are still these very tensors
lr = 0.5
l = 2 * (x * u).sum()  # f(x, u) = 2 x.u, what myloss computes (written out: this exercise does not depend on it)

l.backward()
with torch.no_grad():
    gx, gu = x.grad.clone(), u.grad.clone()
    x -= lr * gu
    u -= lr * gx
print(x, u)
