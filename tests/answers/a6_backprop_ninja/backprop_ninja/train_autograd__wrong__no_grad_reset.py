# hint: Your gradients add up from step to step: reset them before each backward pass.
# why: never resets the gradients: autograd adds each step's gradient to the previous ones
# fails: test_train_autograd
def train_autograd(params, X, Y, steps, lr):
    """Full-batch gradient descent with autograd's gradients; returns the loss of every step."""
    n = X.shape[0]
    for p in params.values():
        p.requires_grad_()
    losses = []
    for _ in range(steps):
        L = loss(forward(params, X)[3], Y)
        L.backward()
        with torch.no_grad():
            for p in params.values():
                p -= lr / n * p.grad
        losses.append(L.item())
    return losses
