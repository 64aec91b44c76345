# hint: You take the k most confident predictions first and keep the wrong ones among them: keep the mistakes first, then take the k most confident of them.
# why: takes the k most confident predictions first and keeps the wrong ones among them: usually fewer than k mistakes
# fails: test_misclassified
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    confidence, predicted = torch.softmax(logits, dim=1).max(dim=1)
    top = torch.argsort(confidence, descending=True)[:k]
    return top[predicted[top] != y[top]]
