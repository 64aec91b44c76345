# why: ranks by the largest log-probability (the same order as the probability) with torch.sort on a boolean mask
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    log_probabilities = torch.log_softmax(logits, dim=1)
    best, predicted = log_probabilities.max(dim=1)
    mistakes = (predicted != y).nonzero(as_tuple=True)[0]
    _, order = torch.sort(best[mistakes], descending=True)
    return mistakes[order][:k]
