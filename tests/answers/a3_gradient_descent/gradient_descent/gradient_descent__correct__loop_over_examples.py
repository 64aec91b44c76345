# why: loops over the examples with loss_i and grad_loss_i, sums, then divides by n; losses collected in a list
def gradient_descent(X, y, eta, T):
    """Full-batch gradient descent on the mean cross-entropy; returns (w, losses)."""
    n, d = X.shape
    w = np.zeros(d)
    losses = []
    for t in range(T):
        total_loss = 0.0
        total_grad = np.zeros(d)
        for i in range(n):
            total_loss += loss_i(w, X[i], y[i])
            total_grad += grad_loss_i(w, X[i], y[i])
        losses.append(total_loss / n)
        w = w - eta * total_grad / n
    return w, np.array(losses)
