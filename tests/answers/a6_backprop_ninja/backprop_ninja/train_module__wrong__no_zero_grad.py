# hint: Your gradients add up from step to step: set them to zero before each backward pass.
# why: never zeroes the gradients: they accumulate over the steps
# fails: test_train_module
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        batch_loss = loss_fn(model(X), Y)
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.item())
    return losses
