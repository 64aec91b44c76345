# hint: Your counts miss repeated pairs: adding 1 at an array of indices adds it only once per distinct pair. Accumulate the counts (see the repeated-index trap in the text).
# why: C[y_true, y_pred] += 1 adds 1 only once per distinct pair, however often it repeats
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    matrix = torch.zeros(num_classes, num_classes, dtype=torch.int64)
    matrix[y_true, y_pred] += 1
    return matrix
