# hint: You call PyTorch's ReLU: this exercise asks for ReLU by hand, with basic tensor operations.
# why: ReLU by torch.relu (the exercise asks for it by hand; the values are right)
# fails: test_relu
class ReLU:
    """ReLU activation, y = max(0, x)."""

    def __init__(self):
        self.cache = None

    def forward(self, x):
        y = torch.relu(x)
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
        dx = dupstream * y * (1 - y)
        return dx
