# why: exp(O - logsumexp(O)) per row
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    return torch.exp(O - torch.logsumexp(O, dim=1, keepdim=True))
