# hint: Your ReLU backward changes `grad_output` in place: the caller's array must stay as it was. Return a new array.
# why: zeroes grad_output in place
# fails: test_relu
class MyReLU:
    """ReLU, elementwise."""

    def forward(self, x):
        self.x = x
        return np.maximum(x, 0.0)

    def backward(self, grad_output):
        grad_output[self.x <= 0] = 0.0
        return grad_output

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
