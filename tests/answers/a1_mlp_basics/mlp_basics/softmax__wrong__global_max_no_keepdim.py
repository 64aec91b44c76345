# why: subtracts the max of the whole tensor: underflows rows far below it
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O - O.max())
    return e / e.sum(dim=1, keepdim=True)
