# why: torch.matmul / einsum, bias gradient by a loop over rows
class Linear:
    """Fully connected layer y = x @ weight + bias."""

    def __init__(self, in_features, out_features):
        self.weight = torch.zeros((in_features, out_features))
        self.bias = torch.zeros((out_features,))
        self.init_params()
        self.cache = None
        self.weight_grad = None
        self.bias_grad = None

    def init_params(self, std=0.1):
        """Weights from N(0, std^2), biases zero."""
        self.weight = std * torch.randn_like(self.weight)
        self.bias = torch.zeros_like(self.bias)

    def forward(self, x):
        self.cache = x.clone()
        y = torch.matmul(x, self.weight) + self.bias.unsqueeze(0)
        return y

    def backward(self, dupstream):
        x = self.cache
        dx = torch.einsum('no,io->ni', dupstream, self.weight)
        self.weight_grad = torch.einsum('ni,no->io', x, dupstream)
        self.bias_grad = torch.zeros_like(self.bias)
        for row in dupstream:
            self.bias_grad += row
        return dx
