# hint: Your ReLU backward lets the gradient through where the input is exactly 0: ReLU's derivative is taken as 0 there (only positive inputs pass).
# why: ReLU gradient 1 at x = 0 (mask x >= 0)
# fails: test_relu
class MyReLU:
    """ReLU, elementwise."""

    def forward(self, x):
        self.x = x
        return np.maximum(x, 0.0)

    def backward(self, grad_output):
        return grad_output * (self.x >= 0)

    def step(self, learning_rate):
        pass  # no parameters


class MySigmoid:
    """Logistic sigmoid, elementwise."""

    def forward(self, x):
        e = np.exp(-np.abs(x))
        self.y = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self.y

    def backward(self, grad_output):
        return grad_output * self.y * (1.0 - self.y)

    def step(self, learning_rate):
        pass  # no parameters
