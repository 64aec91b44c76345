# why: the mean of logsumexp minus the logit of the true class, by hand
def cross_entropy_loss(logits, labels):
    """Mean cross-entropy of logits (n, q) against class indices labels (n,), with criterion."""
    picked = logits.gather(1, labels.reshape(-1, 1)).reshape(-1)
    return (torch.logsumexp(logits, dim=1) - picked).mean()


loss = cross_entropy_loss(output, labels)
print(loss)
