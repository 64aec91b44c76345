# hint: Your network uses a sigmoid between the layers: this exercise asks for a ReLU.
# why: uses a sigmoid instead of a ReLU
# fails: test_torch_net
class TorchNet(nn.Module):
    """Linear -> ReLU -> Linear with torch.nn layers."""

    def __init__(self, in_features, hidden_dim, out_features):
        super().__init__()
        self.layer1 = nn.Linear(in_features, hidden_dim)
        self.relu = nn.Sigmoid()
        self.layer2 = nn.Linear(hidden_dim, out_features)

    def forward(self, x):
        return self.layer2(self.relu(self.layer1(x)))
