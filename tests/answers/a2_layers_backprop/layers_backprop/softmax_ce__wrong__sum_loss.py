# hint: Your loss adds up the examples' losses: the cross-entropy asked for is their mean over the batch.
# why: sums the loss over the batch instead of averaging
# fails: test_cross_entropy
def Softmax(z):
    """Row-wise softmax of logits z, shape (batch, classes)."""
    e = torch.exp(z - z.max(dim=1, keepdim=True).values)
    p = e / e.sum(dim=1, keepdim=True)
    return p


def CrossEntropyLoss(y_true, y_pred):
    """Mean cross-entropy of logits y_pred against one-hot y_true, and its gradient w.r.t. y_pred."""
    p = Softmax(y_pred)
    n = y_pred.shape[0]
    shifted = y_pred - y_pred.max(dim=1, keepdim=True).values
    log_p = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
    labels = y_true.argmax(dim=1)
    loss = -log_p[torch.arange(n), labels].sum()
    grad = (p - y_true.to(p.dtype)) / n
    return loss, grad
