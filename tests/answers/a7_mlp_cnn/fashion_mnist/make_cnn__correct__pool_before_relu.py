# why: pools before each ReLU (the same function, since ReLU is monotonic) and builds the list of layers in a loop
def make_cnn():
    """Two 5x5 convolutions with max-pooling, then two linear layers, as an nn.Sequential."""
    layers = []
    for c_in, c_out in ((1, 8), (8, 32)):
        layers += [nn.Conv2d(c_in, c_out, 5), nn.MaxPool2d(kernel_size=2, stride=2), nn.ReLU()]
    layers += [nn.Flatten(), nn.Linear(512, 64), nn.ReLU(), nn.Linear(64, 10)]
    return nn.Sequential(*layers)
