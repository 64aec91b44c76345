# hint: Your weight matrices are transposed: `W1` has shape (num_inputs, num_hiddens), as in `X @ W1`, and `W2` has shape (num_hiddens, num_outputs).
# why: W1 and W2 created transposed (out x in, like nn.Linear)
# fails: test_mlp_init
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.W1 = nn.Parameter(torch.randn(num_hiddens, num_inputs) * sigma)
        self.b1 = nn.Parameter(torch.zeros(num_hiddens))
        self.W2 = nn.Parameter(torch.randn(num_outputs, num_hiddens) * sigma)
        self.b2 = nn.Parameter(torch.zeros(num_outputs))

    def forward(self, X):
        return X
