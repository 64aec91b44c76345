# hint: Your forward pass skips the ReLU between the two linear layers.
# why: forward skips the ReLU
# fails: test_torch_net
class TorchNet(nn.Module):
    """Linear -> ReLU -> Linear with torch.nn layers."""

    def __init__(self, in_features, hidden_dim, out_features):
        super().__init__()
        self.layer1 = nn.Linear(in_features, hidden_dim)
        self.relu = nn.ReLU()
        self.layer2 = nn.Linear(hidden_dim, out_features)

    def forward(self, x):
        return self.layer2(self.layer1(x))
