# why: F.binary_cross_entropy and zero_grad after the step
def train_torch(net, X, y, learning_rate, epochs, batch_size, generator):
    """Minibatch SGD with nn.BCELoss and optim.SGD; returns the loss of every batch."""
    import torch.nn.functional as F

    optimizer = optim.SGD(net.parameters(), lr=learning_rate)
    history = []
    for _ in range(epochs):
        order = torch.randperm(len(X), generator=generator)
        for idx in torch.split(order, batch_size):
            loss = F.binary_cross_entropy(net(X[idx]), y[idx])
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            history.append(float(loss.item()))
    return history
