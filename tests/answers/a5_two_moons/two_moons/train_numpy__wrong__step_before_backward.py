# hint: Your step comes before the backward pass, so it uses the previous batch's gradients: forward, loss, backward, then step.
# why: steps before the backward pass (uses the previous batch's gradients)
# fails: test_train_numpy
def train_numpy(net, X, y, learning_rate, epochs, batch_size, rng):
    """Minibatch SGD on (X, y); returns the loss of every batch."""
    losses = []
    first = True
    for _ in range(epochs):
        order = rng.permutation(len(X))
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            out = net.forward(X[idx])
            losses.append(float(net.compute_loss(out, y[idx])))
            if not first:
                net.step(learning_rate)
            net.backward()
            first = False
    return losses
