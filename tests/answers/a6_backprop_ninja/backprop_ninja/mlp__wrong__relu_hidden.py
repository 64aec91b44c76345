# hint: Your hidden layer uses a ReLU: this network uses tanh in both layers.
# why: ReLU in the hidden layer instead of tanh
# fails: test_mlp
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_out), nn.Tanh())

    def forward(self, x):
        return self.layers(x)
