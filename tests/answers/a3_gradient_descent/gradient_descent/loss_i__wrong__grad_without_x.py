# hint: Your gradient is a number: the gradient with respect to w has one entry per feature, (p − y) times the example x.
# why: returns dl/dz = p - y (a number) instead of dl/dw = (p - y) x
# fails: test_grad_loss_i
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    z = w @ x_i
    return y_i * np.logaddexp(0.0, -z) + (1.0 - y_i) * np.logaddexp(0.0, z)


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    return sigmoid(w @ x_i) - y_i
