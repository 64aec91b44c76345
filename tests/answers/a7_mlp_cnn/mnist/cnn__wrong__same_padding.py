# hint: Your convolutions are padded, so the maps keep their size: the architecture asks for unpadded convolutions (and the linear layer's input size follows from that).
# why: pads the convolutions (padding=2) so the maps stay 28 and 14 pixels: 32 x 7 x 7 features, not the architecture asked for
# fails: test_cnn
class CNN(nn.Module):
    """Two 5x5 convolutions with max-pooling, then two linear layers; returns logits."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=5, padding=2)
        self.conv2 = nn.Conv2d(8, 32, kernel_size=5, padding=2)
        self.fc1 = nn.Linear(32 * 7 * 7, 64)
        self.fc2 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.relu(self.fc1(x.flatten(start_dim=1)))
        return self.fc2(x)
