# why: steps up the gradient (wrong sign)
# fails: test_manual_update
x = torch.arange(2.0, requires_grad=True)
u = torch.arange(2.0, 4.0, requires_grad=True)
lr = 0.5
l = myloss(x, u)

l.backward()
with torch.no_grad():
    x += lr * x.grad
    u += lr * u.grad
print(x, u)
