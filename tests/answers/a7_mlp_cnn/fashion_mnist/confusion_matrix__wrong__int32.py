# hint: Your counts are right but int32: the text asks for an int64 matrix.
# why: counts correctly (index_put_ with accumulate=True) but in an int32 matrix: the text asks for int64
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    matrix = torch.zeros(num_classes, num_classes, dtype=torch.int32)
    matrix.index_put_((y_true.long(), y_pred.long()), torch.ones(len(y_true), dtype=torch.int32), accumulate=True)
    return matrix
