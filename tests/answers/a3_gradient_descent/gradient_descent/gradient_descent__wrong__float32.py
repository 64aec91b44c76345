# hint: Your weights and losses are float32: keep the computation in float64, the dtype of the data (no conversion).
# why: works in float32 (casts X and y for speed): the weights and losses come back float32, not float64
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    X = X.astype(np.float32)
    y = y.astype(np.float32)
    n, d = X.shape
    w = np.zeros(d, dtype=np.float32)
    losses = np.empty(T, dtype=np.float32)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        w = w - np.float32(eta) * (X.T @ (sigmoid(z).astype(np.float32) - y)) / n
    return w, losses
