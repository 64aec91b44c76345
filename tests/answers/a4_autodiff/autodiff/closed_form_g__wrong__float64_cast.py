# hint: Your `g_torch` changes the dtype: a float32 input must give a float32 result. Do not convert the input.
# why: g_torch casts its input to float64, so a float32 input comes back as float64
# fails: test_g_torch
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return 2 * x * (1 + math.exp(x * x)) * (1 / (2 * math.sqrt(c)) - math.sin(c))


def g_torch(t):
    """g with torch operations, elementwise."""
    t = t.double()
    c = t**2 + torch.exp(t**2)
    return torch.sqrt(c) + torch.cos(c)
