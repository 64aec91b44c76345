# hint: Your losses are tensors, each holding its whole graph: append them as Python floats (`.item()`).
# why: appends the loss tensors (each holding its whole graph) instead of loss.item()
# fails: test_gradient_descent_autograd
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(T):
        z = X @ w
        zero = torch.zeros_like(z)
        loss = torch.mean(y * torch.logaddexp(zero, -z) + (1 - y) * torch.logaddexp(zero, z))
        losses.append(loss)
        loss.backward()
        with torch.no_grad():
            w -= eta * w.grad
        w.grad.zero_()
    return w.detach(), losses
