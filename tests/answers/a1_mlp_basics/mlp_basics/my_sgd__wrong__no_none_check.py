# hint: Your `step` crashes on a parameter that has no gradient (its `.grad` is None): skip such parameters.
# why: crashes on a parameter without gradient
# fails: test_my_sgd
class MySGD:
    """Plain stochastic gradient descent."""

    def __init__(self, params, lr):
        self.params = list(params)  # a list: model.parameters() is a generator, used up after one pass
        self.lr = lr

    def step(self):

        with torch.no_grad():
            for p in self.params:
                p -= self.lr * p.grad

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
