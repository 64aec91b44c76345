# hint: After your `zero_grad` the gradients are still there, so they accumulate from step to step: set every parameter's gradient to zero.
# why: zero_grad does nothing: gradients accumulate
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
                    p -= self.lr * p.grad

    def zero_grad(self):

        pass
