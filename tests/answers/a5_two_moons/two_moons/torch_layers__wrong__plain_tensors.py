# hint: Your weights are plain tensors: wrap them in `nn.Parameter`, so that the module registers them and the optimiser sees them.
# why: plain tensors with requires_grad: not registered as parameters
# fails: test_torch_layers
class MyLinearTorch(nn.Module):
    """y = x @ W + b with nn.Parameter weights."""

    def __init__(self, n_input, n_output):
        super().__init__()
        self.W = (torch.randn(n_input, n_output) / n_input**0.5).requires_grad_()
        self.b = torch.zeros(n_output, requires_grad=True)

    def forward(self, x):
        return x @ self.W + self.b


class MyReLUTorch(nn.Module):
    """ReLU as a module."""

    def forward(self, x):
        return torch.clamp(x, min=0)
