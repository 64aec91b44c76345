# hint: Your accuracy is rounded: return the exact fraction and round only when you print it.
# why: rounds the accuracy to two decimals (as it would be printed): off by up to 0.005
# fails: test_compute_accuracy
def compute_accuracy(preds, targets):
    """Fraction of rows where argmax(preds) == argmax(targets), as a Python float."""
    return round((preds.argmax(dim=1) == targets.argmax(dim=1)).float().mean().item(), 2)
