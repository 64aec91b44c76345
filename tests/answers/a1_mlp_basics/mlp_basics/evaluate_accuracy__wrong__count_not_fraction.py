# hint: You return the number of correct predictions: the accuracy is that number divided by the number of examples.
# why: returns the number correct, not the fraction
# fails: test_evaluate_accuracy
def evaluate_accuracy(model, X, y):
    """Fraction of rows of X that model classifies as y."""

    with torch.no_grad():
        return float((model(X).argmax(dim=1) == y).sum())
