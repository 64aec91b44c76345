# why: one parameter group per tensor
x_t = torch.tensor([0.0, 1.0], requires_grad=True)
u_t = torch.tensor([2.0, 3.0], requires_grad=True)
opt_t = torch.optim.SGD([{"params": [x_t]}, {"params": [u_t]}], lr=0.5)
myloss(x_t, u_t).backward()
opt_t.step()
print(x_t, u_t)
