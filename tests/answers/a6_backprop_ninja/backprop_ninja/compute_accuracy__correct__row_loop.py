# why: a Python loop over the rows with argmax().item()
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    right = 0
    for p_row, t_row in zip(preds, targets):
        right += int(p_row.argmax().item() == t_row.argmax().item())
    return right / len(preds)
