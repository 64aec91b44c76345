# why: creates (and so initialises) the output layer before the hidden one: other random draws, another parameter order
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.out = nn.Linear(n_hidden, n_out)
        self.act = nn.Tanh()
        self.inp = nn.Linear(n_in, n_hidden)

    def forward(self, x):
        return self.act(self.out(self.act(self.inp(x))))
