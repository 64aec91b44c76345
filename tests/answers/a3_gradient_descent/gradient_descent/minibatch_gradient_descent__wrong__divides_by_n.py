# hint: Your batch gradient is divided by n, the size of the data set: the gradient of a batch is the mean over its m examples.
# why: sums the batch gradients and divides by n instead of m (a learning rate m/n times too small)
# fails: test_minibatch_gradient_descent
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        idx = rng.choice(n, size=m, replace=False)
        Xb, yb = X[idx], y[idx]
        w = w - eta * (Xb.T @ (sigmoid(Xb @ w) - yb)) / n
    return w, losses
