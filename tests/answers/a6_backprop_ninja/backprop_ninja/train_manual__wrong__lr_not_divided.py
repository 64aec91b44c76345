# hint: Your step uses the learning rate as it is: divide it by the number of examples, or the steps are far too large.
# why: the learning rate is not divided by the number of examples: steps n times too large
# fails: test_train_manual test_manual_accuracy
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    losses = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        losses.append(loss(h2, Y).item())
        grads = backward(params, X, Y, z1, h1, z2, h2)
        update(params, grads, lr)
    return losses
