# hint: Your ReLU returns the absolute value: negative inputs must become 0, not their opposite.
# why: ReLU written as the absolute value
# fails: test_torch_layers
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_input, n_output) / n_input**0.5)
        self.b = nn.Parameter(torch.zeros(n_output))

    def forward(self, x):
        return x @ self.W + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.abs(x)
