# hint: Your sigmoid backward applies σ to the cached output as if it were the input: the cache already holds σ(x), and the derivative is σ(x)(1 − σ(x)).
# why: applies sigma' to the cached output as if it were the input
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
        s = 1.0 / (1.0 + np.exp(-self.y))
        return grad_output * s * (1.0 - s)

    def step(self, learning_rate):
        pass  # no parameters
