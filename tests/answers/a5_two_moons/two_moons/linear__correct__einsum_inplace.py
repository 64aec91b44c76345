# why: np.dot / einsum, in-place updates
class MyLinear:
    """Fully connected layer y = x @ W + b."""

    def __init__(self, n_input, n_output, rng):
        self.W = rng.normal(0.0, 1.0 / np.sqrt(n_input), size=(n_input, n_output))
        self.b = np.zeros(n_output)

    def forward(self, x):
        self.x = x.copy()
        return np.dot(x, self.W) + self.b[None, :]

    def backward(self, grad_output):
        self.dW = np.einsum('ni,no->io', self.x, grad_output)
        self.db = np.einsum('no->o', grad_output)
        return np.einsum('no,io->ni', grad_output, self.W)

    def step(self, learning_rate):
        self.W -= learning_rate * self.dW
        self.b -= learning_rate * self.db
