# hint: Your accuracy is a percentage: return the fraction of correct predictions, between 0 and 1.
# why: returns a percentage
# fails: test_accuracy
def accuracy(net, X, y):
    """Fraction of correctly classified rows."""
    return 100.0 * (net.forward(X).argmax(dim=1) == y).float().mean().item()
