# hint: Your gradient has the wrong sign: the derivative of (v − t)² with respect to v is 2(v − t).
# why: the gradient with the wrong sign, 2 (t - v)
# fails: test_dloss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).sum()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return 2.0 * (t - v)
