# why: in-place normal_ on empty Parameters, registered with register_parameter
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.register_parameter("W1", nn.Parameter(torch.empty(num_inputs, num_hiddens).normal_(0.0, sigma)))
        self.register_parameter("b1", nn.Parameter(torch.zeros(num_hiddens)))
        self.register_parameter("W2", nn.Parameter(torch.empty(num_hiddens, num_outputs).normal_(mean=0.0, std=sigma)))
        self.register_parameter("b2", nn.Parameter(torch.zeros(num_outputs)))

    def forward(self, X):
        return X
