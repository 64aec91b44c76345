# why: no max subtraction: overflows to nan at large logits
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O)
    return e / e.sum(dim=1, keepdim=True)
