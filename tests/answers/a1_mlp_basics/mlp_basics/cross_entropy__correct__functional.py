# why: F.cross_entropy, the same loss as the criterion
def cross_entropy_loss(logits, labels):
    """Mean cross-entropy of logits (n, q) against class indices labels (n,), with criterion."""
    return F.cross_entropy(logits, labels)


loss = cross_entropy_loss(output, labels)
print(loss)
