# hint: Your optimiser is your own `MySGD`: this exercise asks for PyTorch's `torch.optim.SGD`.
# why: uses MySGD instead of torch.optim.SGD
# fails: test_torch_sgd
x_t = torch.arange(2.0, requires_grad=True)
u_t = torch.arange(2.0, 4.0, requires_grad=True)
opt_t = MySGD([x_t, u_t], lr=0.5)
myloss(x_t, u_t).backward()
opt_t.step()
print(x_t, u_t)
