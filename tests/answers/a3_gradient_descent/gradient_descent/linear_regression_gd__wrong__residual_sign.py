# hint: Your gradient has the wrong sign: the residual and the gradient formula must go together (the gradient of the mean of (Xw − y)² is (2/n) Xᵀ(Xw − y)), or the step goes uphill.
# why: residual y - Xw with the gradient formula for Xw - y: the step goes uphill
# fails: test_linear_regression_gd
def linear_regression_gd(X, y, eta, T):
    """Gradient descent on the mean squared error of a linear model; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = np.empty(T)
    for t in range(T):
        r = y - X @ w
        losses[t] = r @ r / n
        w = w - eta * 2.0 / n * (X.T @ r)
    return w, losses
