# hint: Your update makes `w` a new, non-leaf tensor, so its `.grad` is None at the next step: update the leaf in place, inside `torch.no_grad()`.
# why: w = w - eta * w.grad outside torch.no_grad(): w becomes a non-leaf tensor and its .grad is None next step
# fails: test_gradient_descent_autograd
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(T):
        z = X @ w
        zero = torch.zeros_like(z)
        loss = torch.mean(y * torch.logaddexp(zero, -z) + (1 - y) * torch.logaddexp(zero, z))
        losses.append(loss.item())
        loss.backward()
        w = w - eta * w.grad
    return w.detach(), losses
