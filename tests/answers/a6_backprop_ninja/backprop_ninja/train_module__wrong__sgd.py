# hint: Your optimiser is plain SGD: the exercise asks for AdamW.
# why: plain SGD instead of AdamW: with lr=1e-3 the network barely moves
# fails: test_train_module test_module_accuracy
def train_module(model, X, Y, steps, lr):
    """Full-batch training with AdamW and the mean squared error; returns the loss of every step."""
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        batch_loss = loss_fn(model(X), Y)
        optimizer.zero_grad()
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.item())
    return losses
