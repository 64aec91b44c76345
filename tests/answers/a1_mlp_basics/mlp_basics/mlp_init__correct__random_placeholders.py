# why: random placeholder values (rand, randn) overwritten in place by nn.init, W2 drawn before W1, biases drawn then zeroed
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.W2 = nn.Parameter(torch.rand(num_hiddens, num_outputs))
        self.W1 = nn.Parameter(torch.rand(num_inputs, num_hiddens))
        self.b2 = nn.Parameter(torch.randn(num_outputs))
        self.b1 = nn.Parameter(torch.randn(num_hiddens))
        nn.init.normal_(self.W2, mean=0.0, std=sigma)
        nn.init.normal_(self.W1, mean=0.0, std=sigma)
        nn.init.zeros_(self.b1)
        nn.init.zeros_(self.b2)

    def forward(self, X):
        return X
