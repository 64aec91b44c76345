# hint: Your losses are recorded after each update: record the loss of the forward pass that gives the gradients, before the update.
# why: records the loss after the update instead of before it
# fails: test_train_manual
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    n = X.shape[0]
    losses = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        grads = backward(params, X, Y, z1, h1, z2, h2)
        update(params, grads, lr / n)
        losses.append(loss(forward(params, X)[3], Y).item())
    return losses
