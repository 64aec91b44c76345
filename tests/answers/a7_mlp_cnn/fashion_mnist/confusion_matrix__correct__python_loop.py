# why: a Python loop over the examples into an int64 zero matrix (one += per example, so repeated pairs all count)
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    C = torch.zeros((num_classes, num_classes), dtype=torch.int64)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        C[t][p] += 1
    return C
