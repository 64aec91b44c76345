# hint: Your gradient is a numerical approximation (finite differences): the exercise asks for the closed form.
# why: grad_loss_i as central differences of loss_i, coordinate by coordinate: about 1e-10 off the closed form
# fails: test_grad_loss_i
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    z = w @ x_i
    return y_i * np.logaddexp(0.0, -z) + (1.0 - y_i) * np.logaddexp(0.0, z)


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    h = 1e-6
    grad = np.zeros(len(w))
    for j in range(len(w)):
        step = np.zeros(len(w))
        step[j] = h
        grad[j] = (loss_i(w + step, x_i, y_i) - loss_i(w - step, x_i, y_i)) / (2 * h)
    return grad
