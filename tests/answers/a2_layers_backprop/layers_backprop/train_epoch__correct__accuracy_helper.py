# why: one-hot by indexing an identity matrix, accuracy via the accuracy() function before the update
def train_epoch(net, X, y, lr, batch_size, generator=None, loss_fn=CrossEntropyLoss):
    """One pass over (X, y) in minibatches; returns per-batch losses and accuracies."""
    losses, accuracies = [], []
    eye = torch.eye(10, device=X.device)
    for xb, yb in minibatches(X, y, batch_size, generator=generator):
        logits = net.forward(xb)
        accuracies.append((logits.argmax(dim=1) == yb).float().mean().item())
        loss, grad = loss_fn(eye[yb], logits)
        losses.append(float(loss))
        net.backward(grad)
        net.optimizer_step(lr)
    return losses, accuracies
