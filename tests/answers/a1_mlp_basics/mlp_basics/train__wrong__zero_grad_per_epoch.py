# hint: Your gradients pile up over the batches of an epoch: they are reset only once per epoch. Clear them before every batch, before the backward pass.
# why: resets the gradients once per epoch instead of before every batch: they pile up over the batches
# fails: test_train
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        for X_batch, y_batch in minibatches(X, y, batch_size, generator=generator):
            loss = F.cross_entropy(model(X_batch), y_batch)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
