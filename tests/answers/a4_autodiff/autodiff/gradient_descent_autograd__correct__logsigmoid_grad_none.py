# why: the loss from F.logsigmoid (ln p = logsigmoid(z), ln(1 - p) = logsigmoid(-z)); the gradient reset with w.grad = None
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(T):
        z = X @ w
        loss = -(y * torch.nn.functional.logsigmoid(z) + (1 - y) * torch.nn.functional.logsigmoid(-z)).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w.sub_(eta * w.grad)
        w.grad = None
    return w.detach(), losses
