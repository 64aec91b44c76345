# hint: Your loss takes the log of the softmax: a probability that underflows to 0 gives log 0 = −inf. Use the log-sum-exp form of log-softmax.
# why: the loss as log(softmax): the probability underflows to 0 and the loss is inf (logits 0, 0, 200, label 0)
# fails: test_cross_entropy
def Softmax(z):
    """Row-wise softmax of logits z, shape (batch, classes)."""
    e = torch.exp(z - z.max(dim=1, keepdim=True).values)
    p = e / e.sum(dim=1, keepdim=True)
    return p


def CrossEntropyLoss(y_true, y_pred):
    """Mean cross-entropy of logits y_pred against one-hot y_true, and its gradient w.r.t. y_pred."""
    softmax = Softmax(y_pred)
    labels = torch.argmax(y_true, dim=1)
    n = labels.shape[0]
    loss = torch.mean(-torch.log(softmax[torch.arange(n), labels]))
    grad = softmax.clone()
    grad[torch.arange(n), labels] -= 1
    grad /= n
    return loss, grad
