# hint: Your ReLU changes the dtype: a float64 input must give a float64 result. Do not convert the input.
# why: casts to float32 (loses float64 inputs)
# fails: test_relu
def relu(X):
    """Elementwise max(X, 0)."""

    return torch.clamp(X.float(), min=0)
