# why: the plain 1 / (1 + np.exp(-x)): numpy warns about the overflow at x = -800, the values are right
class MyReLU:
    """ReLU, elementwise."""

    def forward(self, x):
        self.x = x
        return x * (x > 0)

    def backward(self, grad_output):
        return np.where(self.x > 0, grad_output, 0.0)

    def step(self, learning_rate):
        pass  # no parameters


class MySigmoid:
    """Logistic sigmoid, elementwise."""

    def forward(self, x):
        self.y = 1.0 / (1.0 + np.exp(-x))
        return self.y

    def backward(self, grad_output):
        return grad_output * self.y * (1.0 - self.y)

    def step(self, learning_rate):
        pass  # no parameters
