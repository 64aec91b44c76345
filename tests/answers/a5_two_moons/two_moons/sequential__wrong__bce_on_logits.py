# hint: Your loss applies a sigmoid to outputs that already are probabilities: the network ends with a sigmoid, so the BCE takes its outputs as they are, and its gradient is with respect to them.
# why: applies a sigmoid to the outputs (BCE with logits on probabilities) and returns (p - y) / n
# fails: test_bce test_sequential
class Sequential:
    """A chain of layers with a binary cross-entropy loss."""

    def __init__(self, layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def compute_loss(self, out, label, eps=1e-12):
        p = np.clip(1.0 / (1.0 + np.exp(-out)), eps, 1.0 - eps)  # treats the probabilities as logits
        n = out.shape[0]
        loss = -np.mean(label * np.log(p) + (1.0 - label) * np.log(1.0 - p))
        self.grad = (p - label) / n
        return loss

    def backward(self):
        grad = self.grad
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return grad

    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)
