# hint: Your loss is a mean: this loss is the sum of the squared differences (and its gradient is not divided either).
# why: the mean of the squared differences (and its gradient) instead of the sum
# fails: test_loss test_dloss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).mean()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return 2.0 * (v - t) / v.numel()
