# hint: Your learning rate is divided by the number of target entries: divide it by the number of examples.
# why: divides the learning rate by the number of target entries (n * 10) instead of the number of examples
# fails: test_train_manual
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    losses = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        losses.append(loss(h2, Y).item())
        grads = backward(params, X, Y, z1, h1, z2, h2)
        update(params, grads, lr / Y.numel())
    return losses
