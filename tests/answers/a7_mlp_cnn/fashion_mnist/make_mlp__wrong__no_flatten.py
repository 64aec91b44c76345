# hint: Your network feeds the images to the first linear layer without flattening them: each image must become a row of 784 pixels.
# why: no nn.Flatten(): the first nn.Linear receives rows of 28 pixels
# fails: test_make_mlp
def make_mlp():
    """784 -> 256 -> ReLU -> 10 as an nn.Sequential."""
    return nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
