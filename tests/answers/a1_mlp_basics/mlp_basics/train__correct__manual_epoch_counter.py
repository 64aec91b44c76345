# why: while loop over epochs, float(loss.detach()), criterion from F.cross_entropy with reduction="mean"
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    out = []
    epoch = 0
    while epoch < epochs:
        for xb, yb in minibatches(X, y, batch_size, generator=generator):
            optimizer.zero_grad()
            loss = F.cross_entropy(model(xb), yb, reduction="mean")
            loss.backward()
            optimizer.step()
            out.append(float(loss.detach()))
        epoch += 1
    return out
