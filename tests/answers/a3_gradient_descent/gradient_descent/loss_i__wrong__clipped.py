# hint: Your loss clips p away from 0 and 1: it stays finite but is wrong for large |z|. Write the loss in terms of z, in a form that never takes log(0).
# why: clips p to [1e-12, 1 - 1e-12] to avoid log(0): finite, but wrong for large |z| (27.6 instead of 50)
# fails: test_loss_i
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    p = np.clip(sigmoid(w @ x_i), 1e-12, 1 - 1e-12)
    return -(y_i * np.log(p) + (1 - y_i) * np.log(1 - p))


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    return (sigmoid(w @ x_i) - y_i) * x_i
