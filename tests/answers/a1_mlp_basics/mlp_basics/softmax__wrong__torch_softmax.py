# why: uses torch.softmax, which the exercise forbids (softmax by hand)
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    return torch.softmax(O, dim=1)
