# hint: Your gradient misses the factor 2 of the derivative of a square.
# why: the factor 2 of the derivative of a square is missing
# fails: test_dloss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).sum()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return v - t
