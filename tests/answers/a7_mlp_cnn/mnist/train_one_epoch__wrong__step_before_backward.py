# hint: Your optimiser steps before `backward()`, so each step uses the previous batch's gradient: backward first, then step.
# why: calls optimizer.step() before loss.backward(): every step uses the previous batch's gradient
# fails: test_train_one_epoch
def train_one_epoch(model, batches, optimizer, loss_fn):
    """One pass of minibatch training over ``batches``; returns the mean loss per example."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X_batch, y_batch in batches:
        X_batch, y_batch = X_batch.to(device), y_batch.to(device)
        loss = loss_fn(model(X_batch), y_batch)
        optimizer.step()
        optimizer.zero_grad()
        loss.backward()
        total += loss.item() * len(y_batch)
        count += len(y_batch)
    return total / count
