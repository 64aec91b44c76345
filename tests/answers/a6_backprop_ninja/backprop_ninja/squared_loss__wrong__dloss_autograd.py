# hint: Your `dloss` uses autograd: this exercise asks for the gradient by its formula.
# why: dloss by calling .backward() on the loss of a copy of v: right values, but autograd is not allowed here
# fails: test_dloss
def loss(v, t):
    """Sum of squared differences between v and t, a 0-dimensional tensor."""
    return ((v - t) ** 2).sum()


def dloss(v, t):
    """The gradient of loss(v, t) with respect to v."""
    with torch.enable_grad():
        leaf = v.detach().clone().requires_grad_()
        loss(leaf, t).backward()
    return leaf.grad
