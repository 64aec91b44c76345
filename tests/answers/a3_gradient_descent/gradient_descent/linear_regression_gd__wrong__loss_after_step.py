# hint: Your losses are recorded after each step: record the loss of the current weights before updating them.
# why: records the loss after the update instead of before it
# fails: test_linear_regression_gd
def linear_regression_gd(X, y, eta, T):
    """Gradient descent on the mean squared error of a linear model; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        w = w - eta * 2.0 / n * (X.T @ (X @ w - y))
        r = X @ w - y
        losses[t] = r @ r / n
    return w, losses
