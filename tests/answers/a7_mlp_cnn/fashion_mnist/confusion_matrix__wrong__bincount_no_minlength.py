# hint: Your matrix is too small when the last classes never occur: counting with `bincount` needs its `minlength` (num_classes²).
# why: torch.bincount without minlength: the result is too short when the last classes never occur
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    counts = torch.bincount(y_true * num_classes + y_pred)
    counts = counts[: num_classes * num_classes]
    return counts.reshape(-1, num_classes)
