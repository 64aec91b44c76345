# hint: Your mistakes are in their original order: rank them by confidence, the most confident first.
# why: returns the first k mistakes in their original order, not ranked by confidence
# fails: test_misclassified
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    predicted = logits.argmax(dim=1)
    return torch.nonzero(predicted != y).flatten()[:k]
