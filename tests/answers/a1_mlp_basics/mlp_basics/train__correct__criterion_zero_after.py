# why: nn.CrossEntropyLoss object, zero_grad after the step, while-style index loop over the shuffled batches
def train(model, optimizer, X, y, epochs, batch_size, generator=None):
    """Minibatch training with cross-entropy; returns the loss of every batch."""

    criterion = nn.CrossEntropyLoss()
    history = []
    for epoch in range(epochs):
        batches = list(minibatches(X, y, batch_size, generator=generator))
        i = 0
        while i < len(batches):
            xb, yb = batches[i]
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            history.append(float(loss))
            i += 1
    return history
