# hint: Your parameters do not require gradients: make them require gradients before the first forward pass.
# why: never makes the parameters require gradients: backward() has nothing to differentiate
# fails: test_train_autograd
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    n = X.shape[0]
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        for p in params.values():
            p.grad = None
        L.backward()
        with torch.no_grad():
            for p in params.values():
                p -= lr / n * p.grad
        losses.append(L.item())
    return losses
