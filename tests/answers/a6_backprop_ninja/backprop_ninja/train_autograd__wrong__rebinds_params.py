# hint: Your update replaces the parameters by new tensors, which are not leaves: update them in place, inside `torch.no_grad()`.
# why: replaces the parameters by new tensors, which are no longer leaves: the next step has no .grad
# fails: test_train_autograd
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    n = X.shape[0]
    for p in params.values():
        p.requires_grad_()
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        L.backward()
        for name, p in params.items():
            params[name] = p - lr / n * p.grad
        losses.append(L.item())
    return losses
