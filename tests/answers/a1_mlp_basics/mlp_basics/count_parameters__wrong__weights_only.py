# hint: Your count leaves some parameters out (the biases?): every tensor that `model.parameters()` yields counts, whatever its number of dimensions.
# why: forgets the biases (only 2-D parameters)
# fails: test_count_parameters
def count_parameters(model):
    """Total number of scalars in the parameters of ``model``."""

    return sum(p.numel() for p in model.parameters() if p.dim() == 2)
