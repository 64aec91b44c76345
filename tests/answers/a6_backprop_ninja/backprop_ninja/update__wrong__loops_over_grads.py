# hint: Your update loops over the gradients' keys, which include tensors that are not parameters: loop over the parameters and take each one's gradient by name.
# why: loops over the keys of grads, which include intermediate tensors that are not parameters
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name, g in grads.items():
            params[name] -= lr * g
