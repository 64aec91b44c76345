# hint: Your mistakes come least confident first: sort them by confidence in decreasing order.
# why: sorts in ascending order: the least confident mistakes come first
# fails: test_misclassified
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    confidence, predicted = torch.softmax(logits, dim=1).max(dim=1)
    wrong = torch.nonzero(predicted != y).flatten()
    order = torch.argsort(confidence[wrong])
    return wrong[order[:k]]
