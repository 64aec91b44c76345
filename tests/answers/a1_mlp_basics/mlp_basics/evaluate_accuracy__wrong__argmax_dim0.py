# hint: Your predictions take the argmax over the wrong dimension: each row (one example) needs the class with the largest score, across the columns.
# why: argmax over the batch dimension
# fails: test_evaluate_accuracy
def evaluate_accuracy(model, X, y):
    """Fraction of rows of X that model classifies as y."""

    with torch.no_grad():
        pred = model(X).argmax(dim=0)
        return (pred[: len(y)] == y[: len(pred)]).float().mean().item()
