# why: draws W as (n_output, n_input) and transposes it, bias first (other random draws); forward by np.matmul
class MyLinear:
    """Fully connected layer y = x @ W + b."""

    def __init__(self, n_input, n_output, rng):
        self.b = np.zeros(n_output)
        self.W = rng.standard_normal((n_output, n_input)).T / np.sqrt(n_input)

    def forward(self, x):
        self.x = x
        return np.matmul(x, self.W) + self.b

    def backward(self, grad_output):
        self.dW = np.matmul(self.x.T, grad_output)
        self.db = np.sum(grad_output, axis=0)
        return np.matmul(grad_output, self.W.T)

    def step(self, learning_rate):
        self.W = self.W - learning_rate * self.dW
        self.b = self.b - learning_rate * self.db
