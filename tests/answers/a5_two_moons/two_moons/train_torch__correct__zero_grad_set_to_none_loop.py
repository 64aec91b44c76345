# why: a while loop over the batch starts, gradients cleared by net.zero_grad(), the loss as float(loss)
def train_torch(net, X, y, learning_rate, epochs, batch_size, generator):
    """Minibatch SGD with nn.BCELoss and optim.SGD; returns the loss of every batch."""
    criterion = nn.BCELoss()
    optimizer = optim.SGD(net.parameters(), lr=learning_rate)
    losses = []
    for epoch in range(epochs):
        order = torch.randperm(len(X), generator=generator)
        start = 0
        while start < len(X):
            idx = order[start:start + batch_size]
            net.zero_grad(set_to_none=True)
            out = net(X[idx])
            loss = criterion(out, y[idx])
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
            start += batch_size
    return losses
