# why: sigma(z) = exp(min(z, 0)) / (1 + exp(-|z|)) in one expression, and sigma' = e / (1 + e)^2 with e = exp(-|z|)
def sigmoid(z):
    """The logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=np.float64)
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def grad_sigmoid(z):
    """The derivative of the sigmoid, elementwise."""
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2
