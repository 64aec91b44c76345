# hint: Your loss takes the log of the probabilities: once p rounds to 1, that is log 0 = −inf and the gradient is nan. Write the loss in terms of z, in a stable form.
# why: log(sigmoid) and log(1 - sigmoid) directly: once a p rounds to 1 the loss and gradient become inf/nan
# fails: test_gradient_descent_autograd
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(T):
        p = torch.sigmoid(X @ w)
        loss = -torch.mean(y * torch.log(p) + (1 - y) * torch.log(1 - p))
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w -= eta * w.grad
        w.grad.zero_()
    return w.detach(), losses
