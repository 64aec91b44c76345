# why: torch.where with a zero tensor
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.where(X > 0, X, torch.zeros_like(X))
