# why: nn.Sequential blocks with the pooling before the ReLU (the same function: ReLU is monotonic), flattened with view
class CNN(nn.Module):
    """Two 5x5 convolutions with max-pooling, then two linear layers; returns logits."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 5), nn.MaxPool2d(2), nn.ReLU(),
            nn.Conv2d(8, 32, 5), nn.MaxPool2d(2), nn.ReLU(),
        )
        self.classifier = nn.Sequential(nn.Linear(512, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x).view(-1, 512))
