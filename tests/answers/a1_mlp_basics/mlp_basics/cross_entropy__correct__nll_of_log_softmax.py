# why: the cross-entropy written as the negative log-likelihood of log_softmax
def cross_entropy_loss(logits, labels):
    """Mean cross-entropy of logits (n, q) against class indices labels (n,), with criterion."""
    return F.nll_loss(F.log_softmax(logits, dim=1), labels)


loss = cross_entropy_loss(output, labels)
print(loss)
