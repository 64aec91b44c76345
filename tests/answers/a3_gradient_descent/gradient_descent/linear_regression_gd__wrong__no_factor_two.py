# hint: Your gradient misses the factor 2 that comes from differentiating the squared error.
# why: drops the factor 2 of the gradient of the squared error
# fails: test_linear_regression_gd
def linear_regression_gd(X, y, eta, T):
    """Gradient descent on the mean squared error of a linear model; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        r = X @ w - y
        losses[t] = r @ r / n
        w = w - eta / n * (X.T @ r)
    return w, losses
