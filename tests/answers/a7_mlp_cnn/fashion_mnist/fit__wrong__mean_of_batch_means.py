# hint: Your epoch loss and accuracy average the batch means, so a small last batch counts as much as a full one: weight each batch by its number of examples.
# why: the epoch's loss and accuracy are averages of the batch means, not means over examples
# fails: test_fit
def fit(model, optimizer, loss_fn, train_data, test_data, epochs, batch_size, generator, scheduler=None):
    """Train ``model`` for ``epochs`` epochs; returns the per-epoch losses and accuracies."""
    X_train, y_train = train_data
    X_test, y_test = test_data
    device = next(model.parameters()).device
    history = {"train_loss": [], "train_accuracy": [], "test_loss": [], "test_accuracy": []}
    for _ in range(epochs):
        model.train()
        losses, accuracies = [], []
        for X_batch, y_batch in minibatches(X_train, y_train, batch_size, generator=generator):
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            optimizer.zero_grad()
            logits = model(X_batch)
            loss = loss_fn(logits, y_batch)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            accuracies.append((logits.argmax(dim=1) == y_batch).float().mean().item())
        if scheduler is not None:
            scheduler.step()
        history["train_loss"].append(sum(losses) / len(losses))
        history["train_accuracy"].append(sum(accuracies) / len(accuracies))
        model.eval()
        losses, accuracies = [], []
        with torch.no_grad():
            for X_batch, y_batch in minibatches(X_test, y_test, batch_size, shuffle=False):
                X_batch, y_batch = X_batch.to(device), y_batch.to(device)
                logits = model(X_batch)
                losses.append(loss_fn(logits, y_batch).item())
                accuracies.append((logits.argmax(dim=1) == y_batch).float().mean().item())
        history["test_loss"].append(sum(losses) / len(losses))
        history["test_accuracy"].append(sum(accuracies) / len(accuracies))
    return history
