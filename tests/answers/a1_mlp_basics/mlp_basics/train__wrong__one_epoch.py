# hint: Your training runs a single epoch: loop over the data `epochs` times.
# why: ignores epochs: trains a single epoch
# fails: test_train
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    losses = []
    for xb, yb in minibatches(X, y, batch_size, generator=generator):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
