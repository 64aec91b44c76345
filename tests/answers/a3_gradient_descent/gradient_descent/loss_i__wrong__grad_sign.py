# hint: Your gradient has the wrong sign: the gradient of the loss is (p − y) x.
# why: gradient with the wrong sign, (y - p) x instead of -(y - p) x
# fails: test_grad_loss_i
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    z = w @ x_i
    return y_i * np.logaddexp(0.0, -z) + (1.0 - y_i) * np.logaddexp(0.0, z)


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    return (y_i - sigmoid(w @ x_i)) * x_i
