# hint: You apply softmax before the cross-entropy: `F.cross_entropy` takes the logits and applies softmax itself.
# why: applies softmax before the cross-entropy
# fails: test_train
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    losses = []
    for _ in range(epochs):
        for xb, yb in minibatches(X, y, batch_size, generator=generator):
            optimizer.zero_grad()
            loss = F.cross_entropy(softmax(model(xb)), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return losses
