# hint: Your loss adds up absolute differences: the squared loss sums the squares of the differences (and its gradient is 2(v − t)).
# why: the sum of absolute differences (not squared) and its gradient
# fails: test_loss test_dloss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return (v - t).abs().sum()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return torch.sign(v - t)
