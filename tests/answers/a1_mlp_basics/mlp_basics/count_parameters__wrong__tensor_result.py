# why: returns a tensor instead of an int
# fails: test_count_parameters
def count_parameters(model):
    """Total number of scalars in the parameters of ``model``."""

    return torch.tensor(sum(p.numel() for p in model.parameters()))
