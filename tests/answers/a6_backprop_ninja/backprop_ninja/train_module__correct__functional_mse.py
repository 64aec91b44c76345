# why: the mean squared error written out, gradients set to None before the forward pass
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    history = []
    for _ in range(steps):
        opt.zero_grad(set_to_none=True)
        err = ((model(X) - Y) ** 2).mean()
        err.backward()
        opt.step()
        history.append(err.item())
    return history
