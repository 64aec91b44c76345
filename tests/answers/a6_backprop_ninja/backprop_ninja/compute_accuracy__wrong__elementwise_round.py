# hint: Your accuracy compares entries one by one: compare, per row, the predicted class (the argmax of the scores) with the target class (the argmax of the target).
# why: an elementwise comparison of rounded scores with the targets, not a per-row class comparison
# fails: test_compute_accuracy
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    return (preds.round() == targets.round()).float().mean().item()
