# hint: Your losses go up: the gradients accumulate from batch to batch. Set them to zero before each backward pass.
# why: forgets optimizer.zero_grad(): gradients accumulate
# fails: test_train
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    losses = []
    for _ in range(epochs):
        for xb, yb in minibatches(X, y, batch_size, generator=generator):
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
