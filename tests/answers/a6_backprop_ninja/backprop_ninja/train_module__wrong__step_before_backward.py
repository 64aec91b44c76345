# hint: Your optimiser steps between the forward pass and `backward()`: the update changes the weights the graph needs. Forward, loss, backward, then step.
# why: calls optimizer.step() between the forward pass and backward(): the in-place update of the weights breaks the graph that backward() needs (RuntimeError)
# fails: test_train_module
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        batch_loss = loss_fn(model(X), Y)
        optimizer.step()
        optimizer.zero_grad()
        batch_loss.backward()
        losses.append(batch_loss.item())
    return losses
