# hint: Your bias is random: the exercise asks for a bias of zeros.
# why: random bias instead of zeros
# fails: test_torch_layers
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_input, n_output) / n_input**0.5)
        self.b = nn.Parameter(torch.randn(n_output))

    def forward(self, x):
        return x @ self.W + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.clamp(x, min=0)
