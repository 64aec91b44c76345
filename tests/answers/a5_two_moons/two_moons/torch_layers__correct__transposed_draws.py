# why: bias created first, W drawn as (n_output, n_input) and transposed (other random draws); ReLU as x * (x > 0)
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.b = nn.Parameter(torch.zeros(n_output))
        self.W = nn.Parameter(torch.randn(n_output, n_input).T.contiguous() * n_input**-0.5)

    def forward(self, x):
        return torch.matmul(x, self.W) + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return x * (x > 0)
