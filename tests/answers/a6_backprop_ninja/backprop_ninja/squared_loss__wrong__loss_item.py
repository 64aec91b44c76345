# hint: Your loss is a Python float: return the 0-dimensional tensor, so that autograd can differentiate it.
# why: returns the loss as a Python float (.item()), which autograd cannot differentiate
# fails: test_loss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).sum().item()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return 2.0 * (v - t)
