# why: argmax over the batch dimension
# fails: test_accuracy
def accuracy(net, X, y):
    """Fraction of correctly classified rows."""
    pred = net.forward(X).argmax(dim=0)
    return (pred[: len(y)] == y[: len(pred)]).float().mean().item()
