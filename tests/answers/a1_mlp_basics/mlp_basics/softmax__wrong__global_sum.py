# why: normalises by the sum over the whole batch
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O - O.max())
    return e / e.sum()
