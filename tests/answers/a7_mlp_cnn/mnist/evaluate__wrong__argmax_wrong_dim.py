# hint: Your predictions take the argmax over the wrong dimension: each row (one example) needs the class with the largest score, across the columns.
# why: takes the argmax over the batch (dim=0) instead of over the classes
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
            total_loss += loss_fn(logits, y_batch).item() * len(y_batch)
            correct += (logits.argmax(dim=0) == y_batch).sum().item()
            count += len(y_batch)
    return total_loss / count, correct / count
