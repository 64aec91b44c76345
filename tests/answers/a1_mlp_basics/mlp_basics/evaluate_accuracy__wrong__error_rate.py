# hint: You return the fraction of wrong predictions: the accuracy is the fraction of predictions equal to the labels.
# why: returns the error rate
# fails: test_evaluate_accuracy
def evaluate_accuracy(model, X, y):
    """Fraction of rows of X that model classifies as y."""

    with torch.no_grad():
        return (model(X).argmax(dim=1) != y).float().mean().item()
