# why: the lab's style: clone the upstream gradient and zero it where the output is 0
class ReLU:
    """ReLU activation, y = max(0, x)."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        y = torch.clamp(x, min=0)
        self.cache = y
        return y

    def backward(self, dupstream):
        y = self.cache
        dx = dupstream.clone()
        dx[y == 0] = 0
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
