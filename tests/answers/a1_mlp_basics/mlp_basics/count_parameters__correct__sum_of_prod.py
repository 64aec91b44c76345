# why: product of each shape, summed with a generator expression
def count_parameters(model):
    """Total number of scalars in the parameters of ``model``."""

    import math
    return sum(math.prod(p.shape) for p in model.parameters())
