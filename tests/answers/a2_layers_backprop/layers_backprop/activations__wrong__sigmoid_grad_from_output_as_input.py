# hint: Your Sigmoid backward applies σ to the cached output as if it were the input: the cache already holds y = σ(x), and the derivative is y(1 − y).
# why: applies the derivative formula to the cached output as if it were the input
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
        s = 1 / (1 + torch.exp(-self.cache))
        dx = dupstream * s * (1 - s)
        return dx
