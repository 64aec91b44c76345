# hint: You count the parameter tensors, not the numbers inside them: each parameter holds as many trainable numbers as its number of elements (`numel()`).
# why: counts parameter tensors, not scalars
# fails: test_count_parameters
def count_parameters(model):
    """Total number of scalars in the parameters of ``model``."""

    return len(list(model.parameters()))
