# why: the sums kept in float64/int64 tensors, evaluation under torch.inference_mode(), the history built at the end from lists of tuples
def fit(model, optimizer, loss_fn, train_data, test_data, epochs, batch_size, generator, scheduler=None):
    """Train ``model`` for ``epochs`` epochs; returns the per-epoch losses and accuracies."""
    where = next(iter(model.parameters())).device
    rows = []
    for epoch in range(epochs):
        model.train()
        loss_sum = torch.zeros((), dtype=torch.float64)
        hits = torch.zeros((), dtype=torch.int64)
        n = 0
        for inputs, targets in minibatches(train_data[0], train_data[1], batch_size, generator=generator):
            inputs = inputs.to(where)
            targets = targets.to(where)
            scores = model(inputs)
            batch_loss = loss_fn(scores, targets)
            optimizer.zero_grad(set_to_none=True)
            batch_loss.backward()
            optimizer.step()
            loss_sum += batch_loss.item() * targets.numel()
            hits += int(scores.argmax(1).eq(targets).sum())
            n += targets.numel()
        train_row = (float(loss_sum) / n, int(hits) / n)
        if scheduler:
            scheduler.step()
        model.eval()
        loss_sum = torch.zeros((), dtype=torch.float64)
        hits, n = 0, 0
        with torch.inference_mode():
            for inputs, targets in minibatches(test_data[0], test_data[1], batch_size, shuffle=False):
                inputs, targets = inputs.to(where), targets.to(where)
                scores = model(inputs)
                loss_sum += loss_fn(scores, targets).item() * len(targets)
                hits += int((scores.argmax(1) == targets).sum())
                n += len(targets)
        rows.append(train_row + (float(loss_sum) / n, hits / n))
    keys = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")
    return {key: [float(row[i]) for row in rows] for i, key in enumerate(keys)}
