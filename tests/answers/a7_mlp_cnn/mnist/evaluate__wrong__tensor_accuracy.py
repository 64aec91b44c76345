# hint: Your results are tensors: return the loss and the accuracy as Python floats (`.item()`).
# why: returns the accuracy as a tensor (no .item()), and the loss as a tensor too
# fails: test_evaluate
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for X_batch, y_batch in batches:
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            logits = model(X_batch)
            total_loss += loss_fn(logits, y_batch) * len(y_batch)
            correct += (logits.argmax(dim=1) == y_batch).sum()
            count += len(y_batch)
    return total_loss / count, correct / count
