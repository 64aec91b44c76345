# hint: Your epochs leave out the last, smaller batch: every example must be used in each epoch.
# why: drops the last, smaller batch
# fails: test_train_numpy
def train_numpy(net, X, y, learning_rate, epochs, batch_size, rng):
    """Minibatch SGD on (X, y); returns the loss of every batch."""
    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X) - batch_size + 1, batch_size):
            idx = order[start:start + batch_size]
            out = net.forward(X[idx])
            losses.append(float(net.compute_loss(out, y[idx])))
            net.backward()
            net.step(learning_rate)
    return losses
