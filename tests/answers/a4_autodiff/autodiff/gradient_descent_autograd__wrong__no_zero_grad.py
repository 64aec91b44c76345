# hint: Your gradients add up from step to step: `backward()` accumulates into `w.grad`, so reset it after each step.
# why: never resets w.grad: backward() adds up the gradients of all the steps so far
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
        with torch.no_grad():
            w -= eta * w.grad
    return w.detach(), losses
