# why: random placeholders (the text allows any values), drawn from the global stream before init_params draws
class Linear:
    """Fully connected layer y = x @ weight + bias."""

    def __init__(self, in_features, out_features):
        self.weight = torch.randn(in_features, out_features)
        self.bias = torch.rand(out_features)
        self.init_params()
        self.cache = None        # what forward() keeps for backward()
        self.weight_grad = None  # dL/dweight, set by backward()
        self.bias_grad = None    # dL/dbias, set by backward()

    def init_params(self, std=0.1):
        """Weights from N(0, std^2), biases zero."""
        self.weight = std * torch.randn_like(self.weight)
        self.bias = torch.zeros_like(self.bias)

    def forward(self, x):
        self.cache = x.detach().clone()
        y = torch.addmm(self.bias, x, self.weight)
        return y

    def backward(self, dupstream):
        x = self.cache
        dx = torch.mm(dupstream, self.weight.t())
        self.weight_grad = torch.mm(x.t(), dupstream)
        self.bias_grad = torch.ones(dupstream.shape[0], dtype=dupstream.dtype, device=dupstream.device) @ dupstream
        return dx
