# why: sub_ with alpha, looping over the keys of params
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name in params:
            params[name].sub_(grads[name], alpha=lr)
