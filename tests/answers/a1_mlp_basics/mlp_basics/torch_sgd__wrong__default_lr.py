# hint: Your optimiser has the wrong learning rate: the exercise asks for `lr=0.5`, the same as `MySGD` above.
# why: lr 0.05 instead of 0.5
# fails: test_torch_sgd
x_t = torch.arange(2.0, requires_grad=True)
u_t = torch.arange(2.0, 4.0, requires_grad=True)
opt_t = torch.optim.SGD([x_t, u_t], lr=0.05)
myloss(x_t, u_t).backward()
opt_t.step()
print(x_t, u_t)
