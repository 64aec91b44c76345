# hint: Your epoch loss averages the batch means, so a small last batch counts as much as a full one: weight each batch by its number of examples.
# why: averages the batch means, which overweights the smaller last batch
# fails: test_train_one_epoch
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    device = next(model.parameters()).device
    losses = []
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
