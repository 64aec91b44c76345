# hint: Your step goes up the gradient: gradient descent moves the weights against the gradient (minus eta times the gradient).
# why: moves along the gradient (w + eta * grad) instead of against it
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        w = w + eta * (X.T @ (sigmoid(z) - y)) / n
    return w, losses
