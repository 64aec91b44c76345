# hint: Your batches do not go to the model's device: move each batch to the device of the model's parameters (not to the notebook's global `device`).
# why: feeds the batches as they come, without moving them to the model's device
# fails: test_train_one_epoch_mode_device
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    total, count = 0.0, 0
    for X_batch, y_batch in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y_batch)
        count += len(y_batch)
    return total / count
