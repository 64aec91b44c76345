# why: an nn.Sequential built from an OrderedDict of named layers
from collections import OrderedDict


def make_mlp():
    """784 -> 256 -> ReLU -> 10 as an nn.Sequential."""
    return nn.Sequential(OrderedDict([
        ("flatten", nn.Flatten(start_dim=1)),
        ("hidden", nn.Linear(784, 256)),
        ("relu", nn.ReLU()),
        ("output", nn.Linear(256, 10)),
    ]))
