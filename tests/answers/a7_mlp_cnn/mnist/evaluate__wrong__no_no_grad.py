# hint: Your evaluation runs without `torch.no_grad()`: evaluating needs no gradients.
# why: evaluates without torch.no_grad(): autograd records every forward pass for nothing
# fails: test_evaluate_mode
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    total_loss, correct, count = 0.0, 0, 0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        logits = model(X_batch)
        total_loss += loss_fn(logits, y_batch).item() * len(y_batch)
        correct += (logits.argmax(dim=1) == y_batch).sum().item()
        count += len(y_batch)
    return total_loss / count, correct / count
