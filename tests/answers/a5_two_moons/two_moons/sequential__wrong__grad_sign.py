# hint: Your loss gradient has the wrong sign: redo the derivative of the binary cross-entropy with respect to the output.
# why: gradient of the loss with the wrong sign
# fails: test_bce
class Sequential:
    """A chain of layers with a binary cross-entropy loss."""

    def __init__(self, layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def compute_loss(self, out, label, eps=1e-12):
        p = np.clip(out, eps, 1.0 - eps)
        n = out.shape[0]
        loss = -np.mean(label * np.log(p) + (1.0 - label) * np.log(1.0 - p))
        self.grad = (label - p) / (p * (1.0 - p)) / n
        return loss

    def backward(self):
        grad = self.grad
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return grad

    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)
