# hint: Your accuracy is the last batch's only: count the correct predictions over all the batches.
# why: the accuracy is computed on the last batch only (overwritten in the loop)
# fails: test_evaluate
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    total_loss, count = 0.0, 0
    with torch.no_grad():
        for X_batch, y_batch in batches:
            X_batch, y_batch = X_batch.to(device), y_batch.to(device)
            logits = model(X_batch)
            total_loss += loss_fn(logits, y_batch).item() * len(y_batch)
            count += len(y_batch)
            accuracy = (logits.argmax(dim=1) == y_batch).float().mean().item()
    return total_loss / count, accuracy
