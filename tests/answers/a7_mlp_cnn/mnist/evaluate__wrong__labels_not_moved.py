# hint: Your labels stay where they are: move them to the model's device too, with the inputs.
# why: moves the inputs to the model's device but leaves the labels where they are
# fails: test_evaluate_mode
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    total_loss, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for X_batch, y_batch in batches:
            logits = model(X_batch.to(device))
            total_loss += loss_fn(logits, y_batch).item() * len(y_batch)
            correct += (logits.argmax(dim=1).cpu() == y_batch.cpu()).sum().item()
            count += len(y_batch)
    return total_loss / count, correct / count
