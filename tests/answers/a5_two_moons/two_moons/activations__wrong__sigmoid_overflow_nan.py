# hint: Your sigmoid derivative overflows for very negative inputs: e^(−x) is inf there and inf / inf is nan. Compute it from σ(x), which stays between 0 and 1.
# why: e^-x / (1 + e^-x)^2 with e^-x computed directly: inf/inf = nan at x = -800
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
        self.x = x
        with np.errstate(over='ignore'):
            return 1.0 / (1.0 + np.exp(-x))

    def backward(self, grad_output):
        with np.errstate(over='ignore', invalid='ignore'):
            e = np.exp(-self.x)
            return grad_output * e / (1.0 + e) ** 2

    def step(self, learning_rate):
        pass  # no parameters
