# hint: Your loss has one value per example: sum the squared differences over everything, to a single number.
# why: sums over the last dimension only: one loss per example instead of one number
# fails: test_loss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).sum(dim=-1)


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return 2.0 * (v - t)
