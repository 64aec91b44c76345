# why: one nn.Sequential attribute, and the images flattened with view(len(x), -1) in forward
class MLP(nn.Module):
    """784 -> 256 -> ReLU -> 10, for images of shape (N, 1, 28, 28); returns logits."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))

    def forward(self, x):
        return self.layers(x.view(len(x), -1))
