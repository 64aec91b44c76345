# hint: Your optimiser is created again at every step, which throws away its running averages: create it once, before the loop.
# why: creates a new AdamW in every step, which throws away its running averages
# fails: test_train_module
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
        batch_loss = loss_fn(model(X), Y)
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.item())
    return losses
