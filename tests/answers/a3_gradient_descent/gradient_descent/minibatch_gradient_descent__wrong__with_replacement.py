# hint: Your batches are drawn with replacement (an example can appear twice): draw them without replacement, as the text asks.
# why: draws the batch with replacement (rng.choice's default), not the sampling asked for
# fails: test_minibatch_gradient_descent
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        idx = rng.choice(n, size=m)
        Xb, yb = X[idx], y[idx]
        w = w - eta * (Xb.T @ (sigmoid(Xb @ w) - yb)) / m
    return w, losses
