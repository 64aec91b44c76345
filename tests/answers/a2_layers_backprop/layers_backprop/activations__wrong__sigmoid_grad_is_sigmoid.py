# hint: Your Sigmoid backward uses σ(x) as the derivative: the derivative of the sigmoid is σ(x)(1 − σ(x)).
# why: sigmoid derivative written as sigma(x) instead of sigma(x)(1 - sigma(x))
# fails: test_sigmoid
class ReLU:
    """ReLU activation, y = max(0, x)."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        y = torch.clamp(x, min=0)
        self.cache = x
        return y

    def backward(self, dupstream):
        x = self.cache
        dx = dupstream * (x > 0).to(dupstream.dtype)
        return dx


class Sigmoid:
    """Logistic sigmoid activation, y = 1 / (1 + exp(-x))."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        y = 1 / (1 + torch.exp(-x))
        self.cache = y
        return y

    def backward(self, dupstream):
        y = self.cache
        dx = dupstream * y
        return dx
