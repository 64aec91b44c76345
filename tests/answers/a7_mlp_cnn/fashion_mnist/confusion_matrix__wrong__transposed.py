# hint: Your matrix is transposed: rows are the true classes and columns the predicted ones.
# why: rows for the predicted class and columns for the true class (the transpose)
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    index = y_pred.to(torch.int64) * num_classes + y_true.to(torch.int64)
    return torch.bincount(index, minlength=num_classes * num_classes).reshape(num_classes, num_classes)
