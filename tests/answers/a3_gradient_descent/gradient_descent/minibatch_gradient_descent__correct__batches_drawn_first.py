# why: draws all T batches up front (the same rng.choice calls in the same order, so the same batches), then sorts each batch
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    batches = [np.sort(rng.choice(n, size=m, replace=False)) for _ in range(T)]
    w = np.zeros(d)
    losses = np.zeros(T)
    for t, idx in enumerate(batches):
        z = X @ w
        losses[t] = np.mean(np.logaddexp(0.0, z) - y * z)
        p = sigmoid(X[idx] @ w)
        w = w + eta * np.mean((y[idx] - p)[:, None] * X[idx], axis=0)
    return w, losses
