# why: collects every batch's logits under torch.inference_mode() and computes the loss and accuracy once over all of them
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    device = next(model.parameters()).device
    all_logits, all_labels = [], []
    with torch.inference_mode():
        for X_batch, y_batch in batches:
            all_logits.append(model(X_batch.to(device)))
            all_labels.append(y_batch.to(device))
        logits = torch.cat(all_logits)
        labels = torch.cat(all_labels)
        mean_loss = loss_fn(logits, labels).item()
        accuracy = (logits.argmax(dim=1) == labels).float().mean().item()
    return mean_loss, accuracy
