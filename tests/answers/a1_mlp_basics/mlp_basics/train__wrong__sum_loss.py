# hint: Your batch loss adds up the examples' losses: use their mean (the default of the cross-entropy), or the step size grows with the batch.
# why: sums the batch loss instead of averaging
# fails: test_train
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    losses = []
    for _ in range(epochs):
        for xb, yb in minibatches(X, y, batch_size, generator=generator):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(xb), yb, reduction="sum")
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
