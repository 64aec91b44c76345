# hint: Your function goes over `batches` twice: a generator is empty after the first pass. Count the examples while you train.
# why: counts the examples in a first pass over `batches`; a generator is then empty for the training pass
# fails: test_train_one_epoch
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    device = next(model.parameters()).device
    n_examples = sum(len(y_batch) for _, y_batch in batches)
    total = 0.0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y_batch)
    return total / n_examples
