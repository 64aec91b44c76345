# hint: Your hidden layer has no bias: keep the default bias of the linear layers.
# why: the hidden layer is built without a bias
# fails: test_mlp
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden, bias=False), nn.Tanh(), nn.Linear(n_hidden, n_out), nn.Tanh())

    def forward(self, x):
        return self.layers(x)
