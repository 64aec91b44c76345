# hint: Your step uses the learning rate as it is: divide it by the number of examples, as in `train_manual`.
# why: the learning rate is not divided by the number of examples
# fails: test_train_autograd
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    for p in params.values():
        p.requires_grad_()
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        for p in params.values():
            p.grad = None
        L.backward()
        with torch.no_grad():
            for p in params.values():
                p -= lr * p.grad
        losses.append(L.item())
    return losses
