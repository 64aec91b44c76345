# why: in place with copy_ of the new value, zero_grad through .data
class MySGD:
    """Plain stochastic gradient descent."""

    def __init__(self, params, lr):
        self.params = list(params)  # a list: model.parameters() is a generator, used up after one pass
        self.lr = lr

    def step(self):

        with torch.no_grad():
            for p in self.params:
                if p.grad is not None:
                    p.copy_(p - self.lr * p.grad)

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.data.zero_()
