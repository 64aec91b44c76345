# hint: Your update puts new tensors in the dictionary: change each parameter in place, so that whoever holds it sees the step.
# why: replaces the dictionary entries with new tensors instead of changing the parameters in place
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name, p in params.items():
            params[name] = p - lr * grads[name]
