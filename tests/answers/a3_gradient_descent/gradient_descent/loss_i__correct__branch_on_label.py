# why: picks the term of the label with an if, and writes the gradient as -(y - p) x
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    z = w @ x_i
    if y_i == 1:
        return np.logaddexp(0, -z)
    return np.logaddexp(0, z)


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    p = sigmoid(w @ x_i)
    return -(y_i - p) * x_i
