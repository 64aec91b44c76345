# why: zeroes the gradients in place after each update instead of setting them to None before backward
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    step_size = lr / X.shape[0]
    for p in params.values():
        p.requires_grad_()
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        losses.append(L.item())
        L.backward()
        with torch.no_grad():
            for p in params.values():
                p.sub_(step_size * p.grad)
                p.grad.zero_()
    return losses
