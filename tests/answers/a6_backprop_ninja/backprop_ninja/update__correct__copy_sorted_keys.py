# why: walks the parameters in sorted key order and writes each new value with copy_ (in place)
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name in sorted(params):
            params[name].copy_(params[name] - grads[name] * lr)
