# hint: Your loss sums the squared errors: use `nn.MSELoss` with its default mean.
# why: the summed squared error (reduction="sum") instead of nn.MSELoss's mean
# fails: test_train_module
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss(reduction="sum")
    losses = []
    for _ in range(steps):
        batch_loss = loss_fn(model(X), Y)
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.item())
    return losses
