# hint: Your `step` gives the parameters new memory instead of updating them in place: an optimiser must change the very tensors the model holds (`-=` under `torch.no_grad()`).
# why: p.data = p - lr * grad: right values, but new memory instead of an in-place update
# fails: test_my_sgd
class MySGD:
    """Plain stochastic gradient descent."""

    def __init__(self, params, lr):
        self.params = list(params)  # a list: model.parameters() is a generator, used up after one pass
        self.lr = lr

    def step(self):

        with torch.no_grad():
            for p in self.params:
                if p.grad is not None:
                    p.data = p.data - self.lr * p.grad

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
