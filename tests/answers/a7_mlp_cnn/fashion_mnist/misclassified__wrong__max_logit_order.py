# hint: You rank the mistakes by their largest logit, which is not a confidence: rank them by the softmax probability of the predicted class.
# why: ranks the mistakes by their largest logit, which is not the confidence (a shift of all logits changes it)
# fails: test_misclassified
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    top_logit, predicted = logits.max(dim=1)
    wrong = torch.nonzero(predicted != y).flatten()
    order = torch.argsort(top_logit[wrong], descending=True)
    return wrong[order[:k]]
