# hint: You call scikit-learn's confusion matrix: this exercise asks you to count by hand.
# why: imports scikit-learn inside the function and converts its answer (right numbers, right dtype)
# fails: test_confusion_matrix
def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    import sklearn.metrics

    counts = sklearn.metrics.confusion_matrix(y_true.tolist(), y_pred.tolist(), labels=range(num_classes))
    return torch.tensor(counts, dtype=torch.int64)
