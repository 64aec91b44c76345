# hint: There is no optimiser: create `opt_t` as a `torch.optim.SGD` over `x_t` and `u_t`, and let it take the step.
# why: types in the results, no optimiser step
# fails: test_torch_sgd
x_t = torch.tensor([-2.0, -2.0], requires_grad=True)
u_t = torch.tensor([2.0, 2.0], requires_grad=True)
opt_t = None
print(x_t, u_t)
