# hint: Your forward pass calls `torch.nn.functional`: this exercise asks for the layer by hand, with a matrix product and the bias.
# why: forward by F.linear on the transposed weight (torch.nn is not allowed; the values are right)
# fails: test_linear_forward test_linear_backward_dx
import torch.nn.functional as F


class Linear:
    """Fully connected layer y = x @ weight + bias."""

    def __init__(self, in_features, out_features):
        self.weight = torch.empty(in_features, out_features)
        self.bias = torch.empty(out_features)
        self.init_params()
        self.cache = None        # what forward() keeps for backward()
        self.weight_grad = None  # dL/dweight, set by backward()
        self.bias_grad = None    # dL/dbias, set by backward()

    def init_params(self, std=0.1):
        """Weights from N(0, std^2), biases zero."""
        self.weight = std * torch.randn_like(self.weight)
        self.bias = torch.zeros_like(self.bias)

    def forward(self, x):
        self.cache = x
        y = F.linear(x, self.weight.T, self.bias)
        return y

    def backward(self, dupstream):
        x = self.cache
        dx = dupstream @ self.weight.T
        self.weight_grad = x.T @ dupstream
        self.bias_grad = dupstream.sum(dim=0)
        return dx
