# hint: Your training takes the gradients from autograd: this exercise uses your hand-written `backward`.
# why: takes the gradients from autograd (.backward()) instead of the hand-written backward: right values, wrong exercise
# fails: test_train_manual
def train_manual(params, X, Y, steps, lr):
    """Full-batch gradient descent with the hand-written gradients; returns the loss of every step."""
    n = X.shape[0]
    losses = []
    for _ in range(steps):
        leaves = {k: v.detach().clone().requires_grad_() for k, v in params.items()}
        L = loss(forward(leaves, X)[3], Y)
        L.backward()
        losses.append(L.item())
        update(params, {k: v.grad for k, v in leaves.items()}, lr / n)
    return losses
