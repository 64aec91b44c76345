# hint: Your sigmoid has the wrong sign in the exponential: σ(x) = 1 / (1 + exp(−x)), which goes to 1 for large x.
# why: sigmoid with exp(x) instead of exp(-x)
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
        y = 1 / (1 + torch.exp(x))
        self.cache = y
        return y

    def backward(self, dupstream):
        y = self.cache
        dx = dupstream * y * (1 - y)
        return dx
