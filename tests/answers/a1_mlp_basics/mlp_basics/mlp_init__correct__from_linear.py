# why: starts from nn.Linear layers (their own random init), transposes their weights and redraws them with normal_
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        hidden = nn.Linear(num_inputs, num_hiddens)
        out = nn.Linear(num_hiddens, num_outputs)
        with torch.no_grad():
            self.W1 = nn.Parameter(hidden.weight.T.clone().normal_(0.0, sigma))
            self.b1 = nn.Parameter(hidden.bias.clone().zero_())
            self.W2 = nn.Parameter(out.weight.T.clone().normal_(0.0, sigma))
            self.b2 = nn.Parameter(out.bias.clone().zero_())

    def forward(self, X):
        return X
