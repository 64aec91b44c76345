# hint: Your batches are not shuffled: draw a new random order of the examples with `rng` at each epoch.
# why: no shuffling: batches in data order
# fails: test_train_numpy
def train_numpy(net, X, y, learning_rate, epochs, batch_size, rng):
    """Minibatch SGD on (X, y); returns the loss of every batch."""
    losses = []
    for _ in range(epochs):
        for start in range(0, len(X), batch_size):
            out = net.forward(X[start:start + batch_size])
            losses.append(float(net.compute_loss(out, y[start:start + batch_size])))
            net.backward()
            net.step(learning_rate)
    return losses
