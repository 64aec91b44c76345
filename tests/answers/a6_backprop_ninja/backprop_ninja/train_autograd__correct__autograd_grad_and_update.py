# why: torch.autograd.grad instead of .backward(), and the update helper with the returned gradients
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    names = list(params)
    for name in names:
        params[name].requires_grad_(True)
    history = []
    for _ in range(steps):
        total = loss(forward(params, X)[3], Y)
        gradients = torch.autograd.grad(total, [params[name] for name in names])
        update(params, dict(zip(names, gradients)), lr / X.shape[0])
        history.append(total.item())
    return history
