# hint: Your step updates the weights but not the biases: every tensor in `params` moves.
# why: updates the weights but not the biases
# fails: test_update
def update(params, grads, lr):
    """In-place gradient-descent step on every tensor of params."""
    with torch.no_grad():
        params["w1"] -= lr * grads["w1"]
        params["w2"] -= lr * grads["w2"]
