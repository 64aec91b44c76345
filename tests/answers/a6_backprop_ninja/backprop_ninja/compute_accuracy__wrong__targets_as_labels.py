# hint: You compare the predicted classes with the one-hot targets themselves: take the target class of each row (its argmax) first.
# why: compares the predicted classes with the one-hot targets themselves (broadcasts to a matrix)
# fails: test_compute_accuracy
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    return (preds.argmax(dim=1) == targets).float().mean().item()
