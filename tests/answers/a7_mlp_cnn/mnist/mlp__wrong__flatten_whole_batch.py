# hint: Your flatten also flattens the batch dimension: keep the first dimension and flatten the rest of each image.
# why: torch.flatten(x) flattens the batch dimension too (start_dim defaults to 0)
# fails: test_mlp
class MLP(nn.Module):
    """784 -> 256 -> ReLU -> 10, for images of shape (N, 1, 28, 28); returns logits."""

    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)

    def forward(self, x):
        return self.output(F.relu(self.hidden(torch.flatten(x))))
