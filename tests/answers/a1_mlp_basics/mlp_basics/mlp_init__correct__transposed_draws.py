# why: weights drawn transposed (out x in, then .T) and in the other order, std applied with normal(0, sigma)
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        w2 = torch.normal(0.0, sigma, size=(num_outputs, num_hiddens)).T
        w1 = torch.normal(0.0, sigma, size=(num_hiddens, num_inputs)).T
        self.W1 = nn.Parameter(w1.contiguous())
        self.b1 = nn.Parameter(torch.zeros(num_hiddens))
        self.W2 = nn.Parameter(w2.contiguous())
        self.b2 = nn.Parameter(torch.zeros(num_outputs))

    def forward(self, X):
        return X
