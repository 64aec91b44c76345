# hint: Your backward pass does not return dL/dx: go through the layers from the last to the first, give each layer the gradient the layer after it returned, and return what the first layer gives.
# why: backward discards the downstream gradients and returns dupstream
# fails: test_net_forward_backward
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
        for layer in reversed(self.layers):
            layer.backward(dupstream)
        dx = dupstream
        return dx

    def optimizer_step(self, lr):
        for layer in self.layers:
            if hasattr(layer, "weight"):
                layer.weight = layer.weight - lr * layer.weight_grad
                layer.bias = layer.bias - lr * layer.bias_grad
