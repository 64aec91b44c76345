# hint: Your in-place update of `w` happens outside `torch.no_grad()`: autograd refuses to change a leaf that requires grad. Update it inside `torch.no_grad()`.
# why: updates w in place outside torch.no_grad(): autograd refuses an in-place change of a leaf that requires grad
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
        w -= eta * w.grad
        w.grad.zero_()
    return w.detach(), losses
