# hint: You shuffle the data only once: draw a new random order at each epoch.
# why: shuffles once, not every epoch
# fails: test_train_numpy
def train_numpy(net, X, y, learning_rate, epochs, batch_size, rng):
    """Minibatch SGD on (X, y); returns the loss of every batch."""
    losses = []
    order = rng.permutation(len(X))
    for _ in range(epochs):
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            out = net.forward(X[idx])
            losses.append(float(net.compute_loss(out, y[idx])))
            net.backward()
            net.step(learning_rate)
    return losses
