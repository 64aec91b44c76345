# hint: Your weights have standard deviation 1/n_input: the exercise asks for 1/√n_input (1/n_input is the variance).
# why: standard deviation 1/n_input instead of 1/sqrt(n_input) (the variance used as the std)
# fails: test_torch_layers
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_input, n_output) / n_input)
        self.b = nn.Parameter(torch.zeros(n_output))

    def forward(self, x):
        return x @ self.W + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.clamp(x, min=0)
