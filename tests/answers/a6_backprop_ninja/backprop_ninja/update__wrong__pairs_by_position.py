# hint: You pair parameters and gradients by position: pair them by name (the same key in both dictionaries).
# why: pairs parameters and gradients by position (zip of the two dicts' values) instead of by key
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for p, g in zip(params.values(), grads.values()):
            p -= lr * g
