# why: registers the layers from the last to the first (other initial draws), ReLU and flatten as methods, pooling with nn.MaxPool2d
class CNN(nn.Module):
    """Two 5x5 convolutions with max-pooling, then two linear layers; returns logits."""

    def __init__(self):
        super().__init__()
        self.fc2 = nn.Linear(64, 10)
        self.fc1 = nn.Linear(512, 64)
        self.conv2 = nn.Conv2d(8, 32, (5, 5))
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=8, kernel_size=5)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        x = self.pool(self.conv1(x).relu())
        x = self.pool(self.conv2(x).relu())
        return self.fc2(self.fc1(x.reshape(x.shape[0], -1)).relu())
