# hint: Your weight gradient is transposed: it must have the weight's shape; check the order of the matrix product.
# why: weight gradient transposed
# fails: test_linear_backward
class MyLinear:
    """Fully connected layer y = x @ W + b."""

    def __init__(self, n_input, n_output, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_input), size=(n_input, n_output))
        self.b = np.zeros(n_output)

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, grad_output):
        self.dW = (self.x.T @ grad_output).T
        self.db = grad_output.sum(axis=0)
        return grad_output @ self.W.T

    def step(self, learning_rate):
        self.W = self.W - learning_rate * self.dW
        self.b = self.b - learning_rate * self.db
