# hint: You pair the parameters and the gradients by their position among the layer's attributes: pair them by name (the weight with `weight_grad`, the bias with `bias_grad`).
# why: pairs parameters with gradients by their order in vars(layer), not by name (right for our Linear only)
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
            params = [name for name in vars(layer) if name in ("weight", "bias")]
            grads = [name for name in vars(layer) if name.endswith("_grad")]
            for p_name, g_name in zip(params, grads):  # pairs by position, not by name
                setattr(layer, p_name, getattr(layer, p_name) - lr * getattr(layer, g_name))
