# hint: Your step goes up the gradient: gradient descent subtracts the learning rate times the gradient.
# why: wrong sign: gradient ascent
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
                    p += self.lr * p.grad

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
