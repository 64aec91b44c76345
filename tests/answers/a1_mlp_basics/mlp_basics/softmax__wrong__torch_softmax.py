# hint: You call a library softmax: this exercise asks for softmax by hand, with `torch.exp`, a max and a sum.
# why: uses torch.softmax, which the exercise forbids (softmax by hand)
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    return torch.softmax(O, dim=1)
