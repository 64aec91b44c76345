# hint: Your accuracy is rounded: return the exact fraction and round only when you print it.
# why: rounds the accuracy to two decimals
# fails: test_accuracy
def accuracy(net, X, y):
    """Fraction of correctly classified rows."""
    return round((net.forward(X).argmax(dim=1) == y).float().mean().item(), 2)
