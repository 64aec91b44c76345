# why: sub_ with alpha inside no_grad, gradients taken with torch.autograd.grad
x = torch.arange(2.0, requires_grad=True)
u = torch.arange(2.0, 4.0, requires_grad=True)
lr = 0.5
l = myloss(x, u)

gx, gu = torch.autograd.grad(l, [x, u])
with torch.no_grad():
    x.sub_(gx, alpha=lr)
    u.sub_(gu, alpha=lr)
print(x, u)
