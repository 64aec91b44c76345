# hint: Your accuracy is a tensor: the exercise asks for a Python float (a one-element tensor becomes one with `.item()`).
# why: returns a tensor
# fails: test_accuracy
def accuracy(net, X, y):
    """Fraction of correctly classified rows."""
    return (net.forward(X).argmax(dim=1) == y).float().mean()
