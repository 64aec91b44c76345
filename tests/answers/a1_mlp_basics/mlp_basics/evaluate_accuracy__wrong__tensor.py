# hint: Your accuracy is a tensor: the exercise asks for a Python `float` (a one-element tensor becomes one with `.item()`).
# why: returns a 0-d tensor instead of a float
# fails: test_evaluate_accuracy
def evaluate_accuracy(model, X, y):
    """Fraction of rows of X that model classifies as y."""

    with torch.no_grad():
        return (model(X).argmax(dim=1) == y).float().mean()
