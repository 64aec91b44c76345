# hint: Your parameters never change: after computing the gradients, take the step with `update`.
# why: computes the gradients but never updates the parameters
# fails: test_train_manual test_manual_accuracy
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    losses = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        losses.append(loss(h2, Y).item())
        grads = backward(params, X, Y, z1, h1, z2, h2)
    return losses
