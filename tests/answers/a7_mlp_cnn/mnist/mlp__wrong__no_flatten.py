# hint: Your network feeds the images to the first linear layer without flattening them: each image must become a row of 784 pixels.
# why: forgets to flatten the images: nn.Linear(784, 256) gets rows of 28 pixels
# fails: test_mlp
class MLP(nn.Module):
    """784 -> 256 -> ReLU -> 10, for images of shape (N, 1, 28, 28); returns logits."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(F.relu(self.hidden(x)))
