# why: creates the output layer before the hidden one and draws He (Kaiming) initial weights: other random numbers in another order
class MLP(nn.Module):
    """784 -> 256 -> ReLU -> 10, for images of shape (N, 1, 28, 28); returns logits."""

    def __init__(self):
        super().__init__()
        self.out = nn.Linear(256, 10)
        self.fc = nn.Linear(784, 256)
        nn.init.kaiming_normal_(self.fc.weight, nonlinearity="relu")
        nn.init.zeros_(self.fc.bias)
        self.flatten = nn.Flatten()

    def forward(self, x):
        return self.out(torch.relu(self.fc(self.flatten(x))))
