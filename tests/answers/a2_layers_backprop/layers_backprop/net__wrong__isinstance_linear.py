# hint: Your step only updates layers of one class: update every layer that has a weight, as the text asks (`hasattr`), whatever its class.
# why: recognises layers with parameters by isinstance(layer, Linear) (the text asks for hasattr: any layer with a weight)
# fails: test_net_optimizer_step
class Net:
    """A network made of a list of layers."""

    def __init__(self, layers):
        self.layers = layers
        self.reset_params()

    def reset_params(self, std=0.1):
        """Re-initialise every layer that has parameters (weights from N(0, std^2))."""
        for layer in self.layers:
            if hasattr(layer, "init_params"):
                layer.init_params(std=std)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dupstream):
        dx = dupstream
        for layer in reversed(self.layers):
            dx = layer.backward(dx)
        return dx

    def optimizer_step(self, lr):
        for layer in self.layers:
            if isinstance(layer, Linear):
                layer.weight = layer.weight - lr * layer.weight_grad
                layer.bias = layer.bias - lr * layer.bias_grad
