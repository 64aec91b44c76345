# why: creates layer2 before layer1 (other random draws, other registration order)
class TorchNet(nn.Module):
    """Linear -> ReLU -> Linear with torch.nn layers."""

    def __init__(self, in_features, hidden_dim, out_features):
        super().__init__()
        self.layer2 = nn.Linear(hidden_dim, out_features)
        self.relu = nn.ReLU()
        self.layer1 = nn.Linear(in_features, hidden_dim)

    def forward(self, x):
        return self.layer2(torch.nn.functional.relu(self.layer1(x)))
