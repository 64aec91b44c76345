# why: draws its own He (Kaiming) initial weights and zero biases (other random numbers), nn.Flatten(1) and an in-place ReLU
def make_mlp():
    """784 -> 256 -> ReLU -> 10 as an nn.Sequential."""
    hidden, output = nn.Linear(784, 256), nn.Linear(256, 10)
    for layer in (output, hidden):
        nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        nn.init.zeros_(layer.bias)
    return nn.Sequential(nn.Flatten(1), hidden, nn.ReLU(inplace=True), output)
