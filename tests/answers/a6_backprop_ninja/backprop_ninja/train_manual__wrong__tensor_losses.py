# hint: Your losses are tensors: append each loss as a Python float (`.item()`).
# why: records the loss tensors instead of Python floats
# fails: test_train_manual
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    n = X.shape[0]
    losses = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        losses.append(loss(h2, Y))
        grads = backward(params, X, Y, z1, h1, z2, h2)
        update(params, grads, lr / n)
    return losses
