# hint: Your counts are floats: the matrix must hold int64 counts.
# why: counts in a float tensor (torch.zeros defaults to float32): the counts must be integers
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    matrix = torch.zeros(num_classes, num_classes)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        matrix[t, p] += 1
    return matrix
