# hint: Your scheduler steps after every batch: step it once per epoch.
# why: steps the scheduler after every batch instead of once per epoch
# fails: test_fit_scheduler
def fit(model, optimizer, loss_fn, train_data, test_data, epochs, batch_size, generator, scheduler=None):
    """Train ``model`` for ``epochs`` epochs; returns the per-epoch losses and accuracies."""
    X_train, y_train = train_data
    X_test, y_test = test_data
    device = next(model.parameters()).device
    history = {"train_loss": [], "train_accuracy": [], "test_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        model.train()
        total, correct, count = 0.0, 0, 0
        for X_batch, y_batch in minibatches(X_train, y_train, batch_size, generator=generator):
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            optimizer.zero_grad()
            logits = model(X_batch)
            loss = loss_fn(logits, y_batch)
            loss.backward()
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            total += loss.item() * len(y_batch)
            correct += (logits.argmax(dim=1) == y_batch).sum().item()
            count += len(y_batch)
        history["train_loss"].append(total / count)
        history["train_accuracy"].append(correct / count)
        model.eval()
        total, correct, count = 0.0, 0, 0
        with torch.no_grad():
            for X_batch, y_batch in minibatches(X_test, y_test, batch_size, shuffle=False):
                X_batch, y_batch = X_batch.to(device), y_batch.to(device)
                logits = model(X_batch)
                total += loss_fn(logits, y_batch).item() * len(y_batch)
                correct += (logits.argmax(dim=1) == y_batch).sum().item()
                count += len(y_batch)
        history["test_loss"].append(total / count)
        history["test_accuracy"].append(correct / count)
    return history
