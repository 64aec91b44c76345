# hint: Your loss uses `torch.nn.functional`: this exercise asks for the loss with basic tensor operations.
# why: the loss with torch.nn.functional.mse_loss(reduction="sum"): right values, but torch.nn is not allowed here
# fails: test_loss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return torch.nn.functional.mse_loss(v, t, reduction="sum")


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    return 2.0 * (v - t)
