# hint: Your loss has no gradient: it is computed from a detached copy of the logits. Compute it from the logits themselves, so that the backward pass can reach the parameters.
# why: computes the loss on detached logits (no gradient)
# fails: test_cross_entropy
def cross_entropy_loss(logits, labels):
    """Mean cross-entropy of logits (n, q) against class indices labels (n,), with criterion."""
    return criterion(logits.detach(), labels)


loss = cross_entropy_loss(output, labels)
print(loss)
