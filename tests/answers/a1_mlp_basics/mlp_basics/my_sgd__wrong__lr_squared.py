# hint: Your step is not the learning rate times the gradient (it only agrees for one learning rate): each parameter moves by exactly `lr * grad`.
# why: computes 2*lr*lr*grad, which equals lr*grad only at the visible lr=0.5
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
                    p -= self.lr * self.lr * 2 * p.grad

    def zero_grad(self):

        for p in self.params:
            if p.grad is not None:
                p.grad.zero_()
