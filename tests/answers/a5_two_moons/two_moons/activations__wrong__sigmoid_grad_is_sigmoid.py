# hint: Your sigmoid backward uses σ(x) as the derivative: the derivative of the sigmoid is σ(x)(1 − σ(x)).
# why: sigmoid derivative written as sigma(x)
# fails: test_sigmoid
class MyReLU:
    """ReLU, elementwise."""

    def forward(self, x):
        self.x = x
        return np.maximum(x, 0.0)

    def backward(self, grad_output):
        return grad_output * (self.x > 0)

    def step(self, learning_rate):
        pass  # no parameters


class MySigmoid:
    """Logistic sigmoid, elementwise."""

    def forward(self, x):
        e = np.exp(-np.abs(x))
        self.y = np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return self.y

    def backward(self, grad_output):
        return grad_output * self.y

    def step(self, learning_rate):
        pass  # no parameters
