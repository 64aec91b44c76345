# why: add_ with alpha=-lr, zero_grad sets None
class MySGD:
    """Plain stochastic gradient descent."""

    def __init__(self, params, lr):
        self.params = list(params)  # a list: model.parameters() is a generator, used up after one pass
        self.lr = lr

    def step(self):

        with torch.no_grad():
            for p in self.params:
                if p.grad is None:
                    continue
                p.add_(p.grad, alpha=-self.lr)

    def zero_grad(self):

        for p in self.params:
            p.grad = None
