# hint: Your loss adds up the examples' losses: the cross-entropy asked for is their mean over the batch (the default of `nn.CrossEntropyLoss`).
# why: sums the per-example losses instead of averaging
# fails: test_cross_entropy
def cross_entropy_loss(logits, labels):
    """Mean cross-entropy of logits (n, q) against class indices labels (n,), with criterion."""
    return nn.CrossEntropyLoss(reduction="sum")(logits, labels)


loss = cross_entropy_loss(output, labels)
print(loss)
