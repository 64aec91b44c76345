# hint: Your update gives the parameters new memory (`.data` assigned): the exercise asks for an in-place update.
# why: assigns p.data a new tensor: the same Python object, but new memory, not the in-place update asked for
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name, p in params.items():
            p.data = p - lr * grads[name]
