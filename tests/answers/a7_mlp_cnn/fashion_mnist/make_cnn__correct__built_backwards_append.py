# why: creates the layers from the last to the first (other initial draws), then appends them in order to an empty nn.Sequential
def make_cnn():
    """Two 5x5 convolutions with max-pooling, then two linear layers, as an nn.Sequential."""
    fc2 = nn.Linear(64, 10)
    fc1 = nn.Linear(4 * 4 * 32, 64)
    conv2 = nn.Conv2d(8, 32, kernel_size=(5, 5), padding=0)
    conv1 = nn.Conv2d(1, 8, kernel_size=5, stride=1)
    model = nn.Sequential()
    for layer in (conv1, nn.ReLU(), nn.MaxPool2d(2), conv2, nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), fc1, nn.ReLU(), fc2):
        model.append(layer)
    return model
