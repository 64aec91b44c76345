# why: the two linear layers as attributes, torch.tanh applied in forward
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.output = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.tanh(self.output(torch.tanh(self.hidden(x))))
