# hint: Your minibatches are made once, before the epochs: a generator is used up after one pass, so the later epochs train on nothing. Make them anew in every epoch.
# why: creates the minibatch generator once, before the epochs: it is used up after the first epoch
# fails: test_fit
def fit(model, optimizer, loss_fn, train_data, test_data, epochs, batch_size, generator, scheduler=None):
    """Train ``model`` for ``epochs`` epochs; returns the per-epoch losses and accuracies."""
    X_train, y_train = train_data
    X_test, y_test = test_data
    device = next(model.parameters()).device
    history = {"train_loss": [], "train_accuracy": [], "test_loss": [], "test_accuracy": []}
    train_batches = minibatches(X_train, y_train, batch_size, generator=generator)
    for _ in range(epochs):
        model.train()
        total, correct, count = 0.0, 0, 0
        for X_batch, y_batch in train_batches:
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            optimizer.zero_grad()
            logits = model(X_batch)
            loss = loss_fn(logits, y_batch)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y_batch)
            correct += (logits.argmax(dim=1) == y_batch).sum().item()
            count += len(y_batch)
        if scheduler is not None:
            scheduler.step()
        history["train_loss"].append(total / max(count, 1))
        history["train_accuracy"].append(correct / max(count, 1))
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
