# hint: Your training never switches the model to training mode: a model left in evaluation mode would train in it.
# why: never calls model.train(), so a model left in evaluation mode trains in evaluation mode
# fails: test_train_one_epoch_mode_device
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y_batch)
        count += len(y_batch)
    return total / count
