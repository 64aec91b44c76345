# why: ReLU via a cached mask and masked_fill; sigmoid via tanh, derivative from the input
class ReLU:
    """ReLU activation, y = max(0, x)."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        mask = x > 0
        y = x * mask
        self.cache = mask
        return y

    def backward(self, dupstream):
        dx = dupstream.masked_fill(~self.cache, 0.0)
        return dx


class Sigmoid:
    """Logistic sigmoid activation, y = 1 / (1 + exp(-x))."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        y = 0.5 * (1 + torch.tanh(x / 2))
        self.cache = x
        return y

    def backward(self, dupstream):
        s = 0.5 * (1 + torch.tanh(self.cache / 2))
        dx = dupstream * s * (1 - s)
        return dx
