# hint: Your losses are the losses of the batches: record the loss on the whole data set at each step.
# why: records the loss of the batch instead of the loss on the whole data set
# fails: test_minibatch_gradient_descent
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        idx = rng.choice(n, size=m, replace=False)
        Xb, yb = X[idx], y[idx]
        zb = Xb @ w
        losses[t] = np.mean(yb * np.logaddexp(0.0, -zb) + (1.0 - yb) * np.logaddexp(0.0, zb))
        w = w - eta * (Xb.T @ (sigmoid(zb) - yb)) / m
    return w, losses
