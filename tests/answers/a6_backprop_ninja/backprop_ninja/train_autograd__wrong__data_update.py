# hint: Your update goes through `.data`: the exercise asks for an in-place update inside `torch.no_grad()`.
# why: updates through .data outside torch.no_grad(), which the exercise forbids (the values are right)
# fails: test_train_autograd
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    n = X.shape[0]
    for p in params.values():
        p.requires_grad_()
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        for p in params.values():
            p.grad = None
        L.backward()
        for p in params.values():
            p.data -= lr / n * p.grad
        losses.append(L.item())
    return losses
