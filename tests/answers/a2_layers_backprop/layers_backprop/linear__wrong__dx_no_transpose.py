# hint: Your input gradient multiplies by the weight instead of its transpose: dL/dx has the input's shape and uses Wᵀ.
# why: dx multiplies by W instead of W^T (reshaped to fit)
# fails: test_linear_backward_dx
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
        dx = (self.weight @ dupstream.T).T if self.weight.shape[0] == self.weight.shape[1] else dupstream @ self.weight.reshape(self.weight.shape[1], -1)
        self.weight_grad = x.T @ dupstream
        self.bias_grad = dupstream.sum(dim=0)
        return dx
