# why: torch.optim.SGD does the update and zero_grad; the loss from binary_cross_entropy_with_logits
def gradient_descent_autograd(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy, gradients by autograd; returns (w, losses)."""
    w = torch.zeros(X.shape[1], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=eta)
    losses = []
    for _ in range(T):
        optimizer.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(X @ w, y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return w.detach(), losses
