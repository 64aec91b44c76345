# hint: You subtract the maximum of the whole tensor: a row far below it underflows to 0/0. Subtract each row's own maximum.
# why: subtracts the max of the whole tensor: underflows rows far below it
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O - O.max())
    return e / e.sum(dim=1, keepdim=True)
