# hint: Your loss is summed as tensors, keeping every batch's graph: add up Python floats (`.item()`) and return a float.
# why: sums the loss tensors themselves (no .item()): returns a tensor that keeps every batch's graph
# fails: test_train_one_epoch
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y_batch)
        count += len(y_batch)
    return total / count
