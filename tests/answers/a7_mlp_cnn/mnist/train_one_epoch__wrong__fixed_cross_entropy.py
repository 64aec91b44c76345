# hint: Your training ignores `loss_fn`: compute the loss with the function you are given.
# why: ignores loss_fn and always uses F.cross_entropy
# fails: test_train_one_epoch
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y_batch)
        count += len(y_batch)
    return total / count
