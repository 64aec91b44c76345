# hint: Your losses are recorded after each step: losses[0] must be the loss of the starting weights, before the first update.
# why: records the loss after the update, so losses[0] is L(w_1) instead of L(w_0) = ln 2
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        w = w - eta * (X.T @ (sigmoid(X @ w) - y)) / n
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
    return w, losses
