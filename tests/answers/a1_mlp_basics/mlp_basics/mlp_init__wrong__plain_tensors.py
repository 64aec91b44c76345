# hint: Your parameters are plain tensors: wrap them in `nn.Parameter`, so that the module registers them and `model.parameters()` yields them.
# why: plain tensors with requires_grad instead of nn.Parameter: not registered
# fails: test_mlp_init
class MLPInit(nn.Module):
    """The parameters of a one-hidden-layer MLP (the forward pass comes later)."""

    def __init__(self, num_inputs, num_outputs, num_hiddens, sigma=0.01):
        super().__init__()
        self.num_inputs = num_inputs
        self.num_outputs = num_outputs
        self.num_hiddens = num_hiddens

        self.W1 = (torch.randn(num_inputs, num_hiddens) * sigma).requires_grad_()
        self.b1 = torch.zeros(num_hiddens, requires_grad=True)
        self.W2 = (torch.randn(num_hiddens, num_outputs) * sigma).requires_grad_()
        self.b2 = torch.zeros(num_outputs, requires_grad=True)

    def forward(self, X):
        return X
