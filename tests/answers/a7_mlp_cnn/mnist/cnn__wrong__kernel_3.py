# hint: Your convolutions use 3 × 3 kernels: the architecture asks for 5 × 5.
# why: 3x3 kernels instead of 5x5 (with fc1 resized to match: 28 -> 26 -> 13 -> 11 -> 5)
# fails: test_cnn
class CNN(nn.Module):
    """Two 5x5 convolutions with max-pooling, then two linear layers; returns logits."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3)
        self.conv2 = nn.Conv2d(8, 32, kernel_size=3)
        self.fc1 = nn.Linear(32 * 5 * 5, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.relu(self.fc1(x.flatten(start_dim=1)))
        return self.fc2(x)
