# hint: Your `step` does not change the model's parameters: it makes new tensors (or rebinds a name) instead of updating each parameter in place under `torch.no_grad()`.
# why: step() replaces self.params by new tensors: the caller's parameters never change
# fails: test_my_sgd
class MySGD:
    """Plain stochastic gradient descent."""

    def __init__(self, params, lr):
        self.params = list(params)  # a list: model.parameters() is a generator, used up after one pass
        self.lr = lr

    def step(self):

        with torch.no_grad():
            self.params = [(p - self.lr * p.grad).requires_grad_() if p.grad is not None else p for p in self.params]

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
