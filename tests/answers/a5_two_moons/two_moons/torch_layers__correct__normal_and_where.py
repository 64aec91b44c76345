# why: normal_ on an empty Parameter, torch.where for the ReLU
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = nn.Parameter(torch.empty(n_input, n_output).normal_(0.0, (1.0 / n_input) ** 0.5))
        self.b = nn.Parameter(torch.zeros(n_output))

    def forward(self, x):
        return torch.addmm(self.b, x, self.W)


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.where(x > 0, x, torch.zeros_like(x))
