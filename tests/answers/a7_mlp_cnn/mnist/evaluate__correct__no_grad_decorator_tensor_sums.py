# why: torch.no_grad() as a decorator, the sums kept in float64/int64 tensors on the device, converted with float() at the end
@torch.no_grad()
def evaluate(model, batches, loss_fn):
    """Mean loss per example and accuracy of ``model`` over ``batches``, without training."""
    model.eval()
    where = next(iter(model.parameters())).device
    loss_sum = torch.zeros((), dtype=torch.float64)
    hits = torch.zeros((), dtype=torch.int64)
    seen = 0
    for inputs, targets in batches:
        inputs, targets = inputs.to(where), targets.to(where)
        scores = model(inputs)
        loss_sum += float(loss_fn(scores, targets)) * targets.shape[0]
        hits += int(torch.sum(scores.argmax(dim=-1).eq(targets)))
        seen += targets.shape[0]
    return float(loss_sum) / seen, float(hits) / seen
