# hint: Your network uses a sigmoid between the layers: the architecture asks for a ReLU.
# why: a sigmoid instead of the ReLU
# fails: test_make_mlp
def make_mlp():
    """784 -> 256 -> ReLU -> 10 as an nn.Sequential."""
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.Sigmoid(), nn.Linear(256, 10))
