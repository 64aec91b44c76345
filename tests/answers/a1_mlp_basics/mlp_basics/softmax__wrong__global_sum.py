# hint: Your softmax divides by the sum over the whole batch: each row must be divided by its own sum, so that it sums to 1.
# why: normalises by the sum over the whole batch
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O - O.max())
    return e / e.sum()
