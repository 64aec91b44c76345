# why: log-softmax via logsumexp, loss from the one-hot product
def Softmax(z):
    """Row-wise softmax of logits z, shape (batch, classes)."""
    p = torch.exp(z - torch.logsumexp(z, dim=1, keepdim=True))
    return p


def CrossEntropyLoss(y_true, y_pred):
    """Mean cross-entropy of logits y_pred against one-hot y_true, and its gradient w.r.t. y_pred."""
    log_p = y_pred - torch.logsumexp(y_pred, dim=1, keepdim=True)
    loss = -(y_true.to(log_p.dtype) * log_p).sum(dim=1).mean()
    grad = (torch.exp(log_p) - y_true) / y_pred.shape[0]
    return loss, grad
