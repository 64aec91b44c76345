# hint: Your network ignores the constructor's sizes: build its layers from `n_in`, `n_hidden` and `n_out`.
# why: ignores the constructor's sizes and always builds 784 -> 200 -> 10
# fails: test_mlp
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(784, 200), nn.Tanh(), nn.Linear(200, 10), nn.Tanh())

    def forward(self, x):
        return self.layers(x)
