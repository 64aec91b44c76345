# hint: Your convolutions have no activation after them: put a ReLU after each convolution.
# why: no activation after the convolutions
# fails: test_make_cnn
def make_cnn():
    """Two 5x5 convolutions with max-pooling, then two linear layers, as an nn.Sequential."""
    return nn.Sequential(
        nn.Conv2d(1, 8, 5), nn.MaxPool2d(2),
        nn.Conv2d(8, 32, 5), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(512, 64), nn.ReLU(), nn.Linear(64, 10),
    )
