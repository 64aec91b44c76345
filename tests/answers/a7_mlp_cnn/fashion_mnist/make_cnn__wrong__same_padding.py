# hint: Your convolutions are padded, so the maps keep their size: the architecture asks for unpadded convolutions (and the linear layer's input size follows from that).
# why: padding=2 keeps the maps at 28 and 14 pixels: 32 x 7 x 7 features instead of 32 x 4 x 4
# fails: test_make_cnn
def make_cnn():
    """Two 5x5 convolutions with max-pooling, then two linear layers, as an nn.Sequential."""
    return nn.Sequential(
        nn.Conv2d(1, 8, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10),
    )
