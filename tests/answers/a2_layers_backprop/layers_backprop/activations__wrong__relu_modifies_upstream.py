# hint: Your ReLU backward changes the upstream gradient in place: the caller's tensor must stay as it was. Return a new tensor.
# why: zeroes the upstream gradient in place
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
        dupstream[x <= 0] = 0
        dx = dupstream
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
