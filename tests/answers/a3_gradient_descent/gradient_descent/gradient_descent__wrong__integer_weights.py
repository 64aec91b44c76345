# hint: Your starting weights are an integer array: NumPy cannot subtract a fractional step from it in place. Start from a float array of zeros.
# why: starts from an integer array (np.array([0, 0, ...])) and updates it in place: NumPy refuses to cast
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.array([0] * d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        w -= eta * (X.T @ (sigmoid(z) - y)) / n
    return w, losses
