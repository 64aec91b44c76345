# why: accumulates ones into a zero matrix with index_put_(..., accumulate=True), which counts repeated pairs
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    matrix = torch.zeros(num_classes, num_classes, dtype=torch.long)
    ones = torch.ones(len(y_true), dtype=torch.long)
    matrix.index_put_((y_true.long().cpu(), y_pred.long().cpu()), ones, accumulate=True)
    return matrix
