# hint: Your softmax overflows for large logits: exp(1000) is inf in float32, and inf / inf is nan. Subtract each row's maximum first.
# why: no max subtraction: overflows to nan at large logits
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    e = torch.exp(O)
    return e / e.sum(dim=1, keepdim=True)
