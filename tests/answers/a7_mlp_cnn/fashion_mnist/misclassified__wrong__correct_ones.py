# hint: You select the correctly classified examples: the mistakes are those whose prediction differs from the label.
# why: selects the correctly classified examples (== instead of !=)
# fails: test_misclassified
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    confidence, predicted = torch.softmax(logits, dim=1).max(dim=1)
    chosen = torch.nonzero(predicted == y).flatten()
    order = torch.argsort(confidence[chosen], descending=True)
    return chosen[order[:k]]
