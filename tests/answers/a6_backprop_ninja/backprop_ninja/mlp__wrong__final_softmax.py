# hint: Your network ends with a softmax: this network ends with a tanh, like the one trained by hand.
# why: a softmax at the output instead of the final tanh
# fails: test_mlp
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, n_out), nn.Softmax(dim=1))

    def forward(self, x):
        return self.layers(x)
