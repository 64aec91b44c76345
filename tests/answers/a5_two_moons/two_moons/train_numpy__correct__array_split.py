# why: batches by np.array_split of the permutation at the batch boundaries
def train_numpy(net, X, y, learning_rate, epochs, batch_size, rng):
    """Minibatch SGD on (X, y); returns the loss of every batch."""
    losses = []
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for idx in np.split(order, np.arange(batch_size, len(X), batch_size)):
            out = net.forward(X[idx])
            loss = net.compute_loss(out, y[idx])
            net.backward()
            net.step(learning_rate)
            losses.append(float(loss))
    return losses
