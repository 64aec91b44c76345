# why: a running mean per example updated batch by batch (float64), zero_grad on the model, device via a parameter list
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    params = list(model.parameters())
    model.train(True)
    mean, seen = 0.0, 0
    for X_batch, y_batch in batches:
        X_batch = X_batch.to(params[0].device, non_blocking=True)
        y_batch = y_batch.to(device=params[0].device)
        model.zero_grad()
        loss = loss_fn(model(X_batch), y_batch)
        loss.backward()
        optimizer.step()
        n = y_batch.numel()
        seen += n
        mean += (loss.item() - mean) * n / seen
    return mean
