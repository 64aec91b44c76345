# hint: Your ReLU backward lets the gradient through where the input is exactly 0: ReLU's derivative is taken as 0 there (only positive inputs pass).
# why: ReLU gradient 1 at x = 0 (mask x >= 0)
# fails: test_relu
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
        dx = dupstream * (x >= 0).to(dupstream.dtype)
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
        dx = dupstream * y * (1 - y)
        return dx
