# why: a loop over rows, max-shifted
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    rows = []
    for row in O:
        e = torch.exp(row - torch.max(row))
        rows.append(e / torch.sum(e))
    return torch.stack(rows)
