# why: one helper for both passes (torch.set_grad_enabled(training)), per-example sums in tensors, the device of the first parameter
def fit(model, optimizer, loss_fn, train_data, test_data, epochs, batch_size, generator, scheduler=None):
    """Train ``model`` for ``epochs`` epochs; returns the per-epoch losses and accuracies."""
    device = next(iter(model.parameters())).device

    def one_pass(batches, training):
        model.train(training)
        loss_sum, hits, seen = torch.zeros(()), 0, 0
        with torch.set_grad_enabled(training):
            for inputs, targets in batches:
                inputs, targets = inputs.to(device), targets.to(device)
                scores = model(inputs)
                batch_loss = loss_fn(scores, targets)
                if training:
                    optimizer.zero_grad()
                    batch_loss.backward()
                    optimizer.step()
                loss_sum += batch_loss.detach().cpu() * targets.numel()
                hits += int((scores.argmax(1) == targets).sum())
                seen += targets.numel()
        return loss_sum.item() / seen, hits / seen

    history = {key: [] for key in ("train_loss", "train_accuracy", "test_loss", "test_accuracy")}
    for _ in range(epochs):
        train_loss, train_accuracy = one_pass(minibatches(*train_data, batch_size, generator=generator), True)
        if scheduler is not None:
            scheduler.step()
        test_loss, test_accuracy = one_pass(minibatches(*test_data, batch_size, shuffle=False), False)
        for key, value in zip(history, (train_loss, train_accuracy, test_loss, test_accuracy)):
            history[key].append(float(value))
    return history
