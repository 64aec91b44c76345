# hint: Your weights are float32 while the data are float64: create `w` as float64.
# why: creates w in the default float32 while X is float64
# fails: test_gradient_descent_autograd
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], requires_grad=True)
    losses = []
    for _ in range(T):
        z = X.float() @ w
        zero = torch.zeros_like(z)
        loss = torch.mean(y * torch.logaddexp(zero, -z) + (1 - y) * torch.logaddexp(zero, z))
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= eta * w.grad
        w.grad.zero_()
    return w.detach(), losses
