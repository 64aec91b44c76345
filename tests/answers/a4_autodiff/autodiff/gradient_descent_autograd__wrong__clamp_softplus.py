# hint: Your softplus uses a clamp and an absolute value: the values are right, but at z = 0 autograd's choice of derivative for them gives the wrong gradient. Use a form that is smooth at 0.
# why: softplus as clamp(z, 0) + log1p(exp(-|z|)): right values, but at z = 0 (all examples at w = 0) autograd takes 1 for the clamp and 0 for |z|, so the first gradient uses 1 instead of sigma(0) = 1/2
# fails: test_gradient_descent_autograd
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(T):
        z = X @ w
        softplus = torch.clamp(z, min=0) + torch.log1p(torch.exp(-torch.abs(z)))
        loss = (softplus - y * z).mean()
        losses.append(loss.item())
        loss.backward()
        with torch.no_grad():
            w.sub_(eta * w.grad)
        w.grad = None
    return w.detach(), losses
