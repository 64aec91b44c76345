# hint: Your loss and gradient add up the examples: the exercise uses their mean over the n examples.
# why: uses the sum of the example losses and gradients instead of the mean
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.sum(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        w = w - eta * (X.T @ (sigmoid(z) - y))
    return w, losses
