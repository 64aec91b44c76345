# hint: Your bias gradient keeps one row per example: sum the upstream gradient over the batch, so that it has the bias's shape.
# why: bias gradient not summed over the batch (keeps one row per example)
# fails: test_linear_backward_db
class Linear:
    """Fully connected layer y = x @ weight + bias."""

    def __init__(self, in_features, out_features):
        self.weight = torch.empty(in_features, out_features)
        self.bias = torch.empty(out_features)
        self.init_params()
        self.cache = None
        self.weight_grad = None
        self.bias_grad = None

    def init_params(self, std=0.1):
        """Weights from N(0, std^2), biases zero."""
        self.weight = std * torch.randn_like(self.weight)
        self.bias = torch.zeros_like(self.bias)

    def forward(self, x):
        self.cache = x
        y = x @ self.weight + self.bias
        return y

    def backward(self, dupstream):
        x = self.cache
        dx = dupstream @ self.weight.T
        self.weight_grad = x.T @ dupstream
        self.bias_grad = dupstream
        return dx
