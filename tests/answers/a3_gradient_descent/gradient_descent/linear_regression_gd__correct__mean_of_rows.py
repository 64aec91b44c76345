# why: the gradient as twice the mean of r_i x_i over the rows, the loss with np.mean
def linear_regression_gd(X, y, eta, T):
    """Gradient descent on the mean squared error of a linear model; returns (w, losses)."""
    w = np.zeros(X.shape[1])
    losses = []
    for _ in range(T):
        residual = X.dot(w) - y
        losses.append(np.mean(residual**2))
        w = w - eta * 2.0 * np.mean(residual[:, None] * X, axis=0)
    return w, np.array(losses)
