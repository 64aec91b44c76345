# why: draws from an index array (same draws as rng.choice(n, ...)) and loops over the batch with grad_loss_i
def minibatch_gradient_descent(X, y, eta, T, m, rng):
    """Mini-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = []
    for t in range(T):
        losses.append(np.mean([loss_i(w, X[i], y[i]) for i in range(n)]))
        batch = rng.choice(np.arange(n), size=m, replace=False)
        grad = np.zeros(d)
        for i in batch:
            grad += grad_loss_i(w, X[i], y[i])
        w = w - eta * grad / m
    return w, np.array(losses)
