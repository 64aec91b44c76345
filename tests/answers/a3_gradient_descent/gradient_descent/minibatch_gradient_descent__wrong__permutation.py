# hint: Your batches are drawn another way than the exercise fixes: draw each batch with the `rng` call the text gives, so that the run is the expected one.
# why: draws the batch as rng.permutation(n)[:m]: a valid random batch, but not the draw the exercise fixes
# fails: test_minibatch_gradient_descent
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        z = X @ w
        losses[t] = np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z))
        idx = rng.permutation(n)[:m]
        Xb, yb = X[idx], y[idx]
        w = w - eta * (Xb.T @ (sigmoid(Xb @ w) - yb)) / m
    return w, losses
