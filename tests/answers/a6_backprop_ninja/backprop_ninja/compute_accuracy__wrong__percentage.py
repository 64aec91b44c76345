# hint: Your accuracy is a percentage: return the fraction of correct predictions, between 0 and 1.
# why: returns a percentage instead of a fraction
# fails: test_compute_accuracy
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    return 100.0 * (preds.argmax(dim=1) == targets.argmax(dim=1)).float().mean().item()
