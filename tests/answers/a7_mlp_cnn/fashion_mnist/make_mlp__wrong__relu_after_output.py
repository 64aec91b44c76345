# hint: Your network has a ReLU after the output layer: the logits may be negative, so the last layer has no activation.
# why: a ReLU after the output layer too: negative logits are cut to 0
# fails: test_make_mlp
def make_mlp():
    """784 -> 256 -> ReLU -> 10 as an nn.Sequential."""
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10), nn.ReLU())
