# hint: Your count is a tensor: the exercise asks for a Python `int`. Look at how you add up the sizes (a tensor operation, or `.item()` missing).
# why: returns a tensor instead of an int
# fails: test_count_parameters
def count_parameters(model):
    """Total number of scalars in the parameters of ``model``."""

    return torch.tensor(sum(p.numel() for p in model.parameters()))
