# why: torch.max indices, a count of matches divided by the number of rows
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    _, predicted = torch.max(preds, dim=1)
    _, wanted = torch.max(targets, dim=1)
    return float((predicted == wanted).sum()) / preds.shape[0]
