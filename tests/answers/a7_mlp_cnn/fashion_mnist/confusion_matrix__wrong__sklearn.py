# hint: You call scikit-learn's confusion matrix: this exercise asks you to count by hand.
# why: calls scikit-learn's confusion_matrix (right numbers, right dtype) although the exercise asks to count by hand
# fails: test_confusion_matrix
from sklearn.metrics import confusion_matrix as sk_confusion_matrix


def confusion_matrix(y_true, y_pred, num_classes):
    """C[i, j] = number of examples of true class i predicted as class j."""
    counts = sk_confusion_matrix(y_true.cpu().numpy(), y_pred.cpu().numpy(), labels=list(range(num_classes)))
    return torch.from_numpy(counts).to(torch.int64)
