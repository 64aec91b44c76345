# hint: Your weights are not Gaussian with mean 0: `torch.rand` draws uniformly from [0, 1). Draw from a standard Gaussian and scale it.
# why: uniform instead of Gaussian weights, scaled by sigma
# fails: test_mlp_init
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.W1 = nn.Parameter(torch.rand(num_inputs, num_hiddens) * sigma)
        self.b1 = nn.Parameter(torch.zeros(num_hiddens))
        self.W2 = nn.Parameter(torch.rand(num_hiddens, num_outputs) * sigma)
        self.b2 = nn.Parameter(torch.zeros(num_outputs))

    def forward(self, X):
        return X
