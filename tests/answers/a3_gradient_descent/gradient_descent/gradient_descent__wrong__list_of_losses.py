# hint: Your losses come back as a Python list: the exercise asks for a NumPy float64 array of shape (T,).
# why: returns the losses as a Python list, not the float64 array of shape (T,) asked for
# fails: test_gradient_descent
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = []
    for t in range(T):
        z = X @ w
        losses.append(np.mean(y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)))
        w = w - eta * (X.T @ (sigmoid(z) - y)) / n
    return w, losses
