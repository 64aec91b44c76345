# hint: Your in-place update happens outside `torch.no_grad()`: autograd refuses to change a leaf that requires grad.
# why: updates the leaf tensors in place outside torch.no_grad() (RuntimeError)
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
            p -= lr / n * p.grad
        losses.append(L.item())
    return losses
