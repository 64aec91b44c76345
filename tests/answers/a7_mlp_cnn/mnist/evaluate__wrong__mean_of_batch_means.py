# hint: Your loss and accuracy average the batch means, so a small last batch counts as much as a full one: weight each batch by its number of examples.
# why: averages the per-batch losses and accuracies, so a small last batch counts as much as a full one
# fails: test_evaluate
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    losses, accuracies = [], []
    with torch.no_grad():
        for X_batch, y_batch in batches:
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            logits = model(X_batch)
            losses.append(loss_fn(logits, y_batch).item())
            accuracies.append((logits.argmax(dim=1) == y_batch).float().mean().item())
    return sum(losses) / len(losses), sum(accuracies) / len(accuracies)
