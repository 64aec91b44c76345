# hint: Your weights have standard deviation 1: scale the standard Gaussian draws by 1/√n_input.
# why: weights with standard deviation 1 instead of 1/sqrt(n_input)
# fails: test_torch_layers
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_input, n_output))
        self.b = nn.Parameter(torch.zeros(n_output))

    def forward(self, x):
        return x @ self.W + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.clamp(x, min=0)
