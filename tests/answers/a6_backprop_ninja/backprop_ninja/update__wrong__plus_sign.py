# hint: Your step goes up the gradient: gradient descent subtracts the learning rate times the gradient.
# why: steps up the gradient (+=) instead of down
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        for name, p in params.items():
            p += lr * grads[name]
