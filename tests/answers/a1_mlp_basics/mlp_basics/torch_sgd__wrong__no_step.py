# hint: Your tensors did not change: after `backward()`, the optimiser must take its step.
# why: forgets opt_t.step()
# fails: test_torch_sgd
x_t = torch.arange(2.0, requires_grad=True)
u_t = torch.arange(2.0, 4.0, requires_grad=True)
opt_t = torch.optim.SGD([x_t, u_t], lr=0.5)
myloss(x_t, u_t).backward()
print(x_t, u_t)
