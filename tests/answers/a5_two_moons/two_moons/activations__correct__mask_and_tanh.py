# why: ReLU via a stored boolean mask and np.where; sigmoid via tanh, derivative from the input
class MyReLU:
    """ReLU, elementwise."""

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, grad_output):
        return np.where(self.mask, grad_output, 0.0)

    def step(self, learning_rate):
        pass  # no parameters


class MySigmoid:
    """Logistic sigmoid, elementwise."""

    def forward(self, x):
        self.x = x
        return 0.5 * (1.0 + np.tanh(0.5 * x))

    def backward(self, grad_output):
        s = 0.5 * (1.0 + np.tanh(0.5 * self.x))
        return grad_output * s * (1.0 - s)

    def step(self, learning_rate):
        pass  # no parameters
