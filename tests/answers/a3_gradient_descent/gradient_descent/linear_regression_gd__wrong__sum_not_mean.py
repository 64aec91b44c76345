# hint: Your loss and gradient add up the squared errors: the exercise uses their mean over the n examples.
# why: the sum of squared errors and its gradient instead of the mean
# fails: test_linear_regression_gd
def linear_regression_gd(X, y, eta, T):
    """Gradient descent on the mean squared error of a linear model; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        r = X @ w - y
        losses[t] = r @ r
        w = w - eta * 2.0 * (X.T @ r)
    return w, losses
