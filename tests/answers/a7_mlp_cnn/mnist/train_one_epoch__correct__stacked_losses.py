# why: keeps the batch losses and sizes in lists and averages at the end; device from the first parameter, zero_grad(set_to_none=False)
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    first = next(iter(model.parameters()))
    losses, sizes = [], []
    for inputs, targets in batches:
        inputs = inputs.to(first.device)
        targets = targets.to(first.device)
        optimizer.zero_grad(set_to_none=False)
        batch_loss = loss_fn(model(inputs), targets)
        batch_loss.backward()
        optimizer.step()
        losses.append(batch_loss.detach() * targets.shape[0])
        sizes.append(targets.shape[0])
    return float(torch.stack(losses).sum().item() / sum(sizes))
