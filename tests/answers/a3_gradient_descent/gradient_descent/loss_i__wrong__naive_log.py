# hint: Your loss takes log(p) and log(1 − p): once p rounds to 1 (or 0), that is log 0 = −inf. Rewrite the loss in terms of z, in a numerically stable form.
# why: the literal formula with log(p) and log(1 - p): log(0) = -inf once p rounds to 1
# fails: test_loss_i
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    p = sigmoid(w @ x_i)
    return -(y_i * np.log(p) + (1 - y_i) * np.log(1 - p))


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    return (sigmoid(w @ x_i) - y_i) * x_i
