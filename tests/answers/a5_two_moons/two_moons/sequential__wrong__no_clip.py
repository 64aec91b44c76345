# hint: Your loss takes log(0) (and divides by 0) when an output is exactly 0 or 1: clip the outputs to [eps, 1 − eps] first, as the text says.
# why: no clipping: log(0) and division by zero when the output is exactly 0 or 1
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
        n = out.shape[0]
        with np.errstate(divide='ignore', invalid='ignore'):
            loss = -np.mean(label * np.log(out) + (1.0 - label) * np.log(1.0 - out))
            self.grad = (out - label) / (out * (1.0 - out)) / n
        return loss

    def backward(self):
        grad = self.grad
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return grad

    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)
