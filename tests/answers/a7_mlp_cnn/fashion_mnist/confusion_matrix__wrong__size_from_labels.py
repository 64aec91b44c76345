# hint: Your matrix is sized from the labels it sees: it must be num_classes × num_classes, even when some classes never occur.
# why: sizes the matrix from the largest label seen instead of num_classes: non-square or too small when classes are missing
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    rows = int(y_true.max()) + 1
    cols = int(y_pred.max()) + 1
    matrix = torch.zeros(rows, cols, dtype=torch.int64)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        matrix[t, p] += 1
    return matrix
