# hint: Your module overrides `__call__` and never defines `forward`: define `forward`, and let `nn.Module.__call__` call it.
# why: the lab's mistake: the layers are applied in an overridden __call__ and forward is never defined
# fails: test_mlp
class MLP(nn.Module):
    """Linear -> Tanh -> Linear -> Tanh."""

    def __init__(self, n_in=784, n_hidden=200, n_out=10):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, n_out), nn.Tanh()])

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
