# why: index loops, and an in-place update with sub_
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
        i = 0
        while i < len(self.layers):
            x = self.layers[i].forward(x)
            i += 1
        return x

    def backward(self, dupstream):
        dx = dupstream
        for i in range(len(self.layers) - 1, -1, -1):
            dx = self.layers[i].backward(dx)
        return dx

    def optimizer_step(self, lr):
        for layer in self.layers:
            if getattr(layer, "weight_grad", None) is not None:
                layer.weight.sub_(lr * layer.weight_grad)
                layer.bias.sub_(lr * layer.bias_grad)
