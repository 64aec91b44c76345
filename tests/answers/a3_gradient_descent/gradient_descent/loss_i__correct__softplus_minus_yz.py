# why: l = softplus(z) - y z with softplus(z) = max(z, 0) + log1p(exp(-|z|)); gradient from sigmoid(-z)
def loss_i(w, x_i, y_i):
    """Cross-entropy loss of one example, computed stably."""
    z = np.dot(w, x_i)
    softplus = max(z, 0.0) + np.log1p(np.exp(-abs(z)))
    return softplus - y_i * z


def grad_loss_i(w, x_i, y_i):
    """Gradient of loss_i with respect to w, shape (d,)."""
    z = np.dot(w, x_i)
    return x_i * (1.0 - y_i - sigmoid(-z))
