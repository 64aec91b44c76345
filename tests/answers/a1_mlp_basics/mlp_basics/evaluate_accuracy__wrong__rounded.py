# hint: Your accuracy is rounded: return the exact fraction and round only when you print it.
# why: rounds the accuracy to two decimals
# fails: test_evaluate_accuracy
def evaluate_accuracy(model, X, y):
    """Fraction of rows of X that model classifies as y."""

    with torch.no_grad():
        predictions = model(X).argmax(dim=1)
        return round((predictions == y).float().mean().item(), 2)
