# why: sorts every example by its probability, then keeps the wrong ones in that order with a boolean mask
def misclassified(logits, y, k):
    """Indices of at most k misclassified examples, the most confident mistakes first."""
    probabilities = F.softmax(logits, dim=-1)
    order = torch.argsort(probabilities.amax(dim=-1), descending=True)
    wrong = probabilities.argmax(dim=-1)[order] != y[order]
    return order[wrong][:k]
