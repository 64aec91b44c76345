# why: one-hot by scatter_, the accuracy as a count divided in Python, enumerate over the batches
def train_epoch(net, X, y, lr, batch_size, generator=None, loss_fn=CrossEntropyLoss):
    """One pass over (X, y) in minibatches; returns per-batch losses and accuracies."""
    losses, accuracies = [], []
    for _, (xb, yb) in enumerate(minibatches(X, y, batch_size, generator=generator)):
        onehot = torch.zeros(len(yb), 10, dtype=torch.long, device=yb.device).scatter_(1, yb[:, None], 1)
        out = net.forward(xb)
        correct = int((out.argmax(dim=1) == yb).sum())
        loss, dout = loss_fn(onehot, out)
        net.backward(dout)
        net.optimizer_step(lr)
        losses.append(float(loss))
        accuracies.append(correct / len(yb))
    return losses, accuracies
