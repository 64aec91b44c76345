# why: the update written inline (rebinding the dictionary entries), the loss taken with float()
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    step_size = lr / len(X)
    history = []
    for _ in range(steps):
        z1, h1, z2, h2 = forward(params, X)
        history.append(float(loss(h2, Y)))
        grads = backward(params, X, Y, z1, h1, z2, h2)
        for name in ("w1", "b1", "w2", "b2"):
            params[name] = params[name] - step_size * grads[name]
    return history
