# hint: Your lists hold tensors: append the loss and the accuracy as Python floats (`.item()`).
# why: records the loss tensor and the accuracy tensor instead of Python floats
# fails: test_train_epoch
def train_epoch(net, X, y, lr, batch_size, generator=None, loss_fn=CrossEntropyLoss):
    """One pass over (X, y) in minibatches; returns per-batch losses and accuracies."""
    losses, accuracies = [], []
    for X_batch, y_batch in minibatches(X, y, batch_size, generator=generator):
        logits = net.forward(X_batch)
        loss, grad = loss_fn(torch.nn.functional.one_hot(y_batch, num_classes=10), logits)
        net.backward(grad)
        net.optimizer_step(lr)
        losses.append(loss)
        accuracies.append((logits.argmax(dim=1) == y_batch).float().mean())
    return losses, accuracies
