# hint: Your optimiser is Adam: the exercise asks for AdamW (decoupled weight decay).
# why: torch.optim.Adam (no decoupled weight decay) instead of AdamW
# fails: test_train_module
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        batch_loss = loss_fn(model(X), Y)
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.item())
    return losses
