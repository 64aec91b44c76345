# hint: Your backward pass goes through the layers in the forward order: the gradient flows back from the last layer to the first.
# why: backward through the layers in forward order
# fails: test_sequential
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
        self.grad = (p - label) / (p * (1.0 - p)) / n
        return loss

    def backward(self):
        grad = self.grad
        for layer in self.layers:
            grad = layer.backward(grad)
        return grad

    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)
