# hint: Your weights have the wrong spread: `sigma` is the standard deviation, so scale standard Gaussian draws by `sigma`, not by its square.
# why: scales by sigma**2 (reads sigma as the variance)
# fails: test_mlp_init
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.W1 = nn.Parameter(torch.randn(num_inputs, num_hiddens) * sigma**2)
        self.b1 = nn.Parameter(torch.zeros(num_hiddens))
        self.W2 = nn.Parameter(torch.randn(num_hiddens, num_outputs) * sigma**2)
        self.b2 = nn.Parameter(torch.zeros(num_outputs))

    def forward(self, X):
        return X
