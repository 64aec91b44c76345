# hint: You call PyTorch's softmax: this exercise asks for softmax by hand, with `torch.exp`, a max and a sum.
# why: Softmax by torch.softmax (the exercise asks for it by hand; the values are right)
# fails: test_softmax
def Softmax(z):
    """Row-wise softmax of logits z, shape (batch, classes)."""
    return torch.softmax(z, dim=1)


def CrossEntropyLoss(y_true, y_pred):
    """Mean cross-entropy of logits y_pred against one-hot y_true, and its gradient w.r.t. y_pred."""
    n = y_pred.shape[0]
    log_p = y_pred - torch.logsumexp(y_pred, dim=1, keepdim=True)
    loss = -log_p[torch.arange(n), y_true.argmax(dim=1)].mean()
    grad = (Softmax(y_pred) - y_true.to(y_pred.dtype)) / n
    return loss, grad
