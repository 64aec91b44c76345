# hint: Your in-place update happens outside `torch.no_grad()`: it fails on parameters that require gradients.
# why: updates in place outside torch.no_grad(): fails on parameters that require gradients
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    for name, p in params.items():
        p -= lr * grads[name]
