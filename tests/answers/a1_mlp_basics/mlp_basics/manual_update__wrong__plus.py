# hint: Your step goes up the gradient: gradient descent subtracts the learning rate times the gradient.
# why: steps up the gradient (wrong sign)
# fails: test_manual_update
x = torch.arange(2.0, requires_grad=True)
u = torch.arange(2.0, 4.0, requires_grad=True)
x_given, u_given = x, u  # the test checks that x and u are still these very tensors
lr = 0.5
l = 2 * (x * u).sum()  # f(x, u) = 2 x.u, what myloss computes (written out: this exercise does not depend on it)

l.backward()
with torch.no_grad():
    x += lr * x.grad
    u += lr * u.grad
print(x, u)
