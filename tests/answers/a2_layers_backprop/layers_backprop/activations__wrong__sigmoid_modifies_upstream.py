# hint: Your backward pass changes the gradient it is given: multiplying it in place alters the caller's tensor. Build a new tensor for the result instead of writing into the upstream gradient.
# why: multiplies the upstream gradient in place by the local derivative: the caller's tensor changes
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
        dupstream *= y * (1 - y)
        dx = dupstream
        return dx
