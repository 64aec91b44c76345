# hint: Your history holds loss tensors: append each loss as a Python float (`.item()`).
# why: appends the loss tensor instead of loss.item()
# fails: test_train_torch
def train_torch(net, X, y, learning_rate, epochs, batch_size, generator):
    """Minibatch SGD with nn.BCELoss and optim.SGD; returns the loss of every batch."""
    optimizer = optim.SGD(net.parameters(), lr=learning_rate)
    criterion = nn.BCELoss()
    losses = []
    for _ in range(epochs):
        order = torch.randperm(len(X), generator=generator)
        for start in range(0, len(X), batch_size):
            idx = order[start:start + batch_size]
            optimizer.zero_grad()
            loss = criterion(net(X[idx]), y[idx])
            loss.backward()
            optimizer.step()
            losses.append(loss)
    return losses
