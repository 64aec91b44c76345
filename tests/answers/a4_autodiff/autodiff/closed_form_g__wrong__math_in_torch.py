# hint: Your `g_torch` uses the `math` module: it works on one number only and autograd cannot follow it. Use the torch functions, elementwise.
# why: g_torch written with math.sqrt and math.cos: works on one number only, and autograd cannot follow it
# fails: test_g_torch
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return 2 * x * (1 + math.exp(x * x)) * (1 / (2 * math.sqrt(c)) - math.sin(c))


def g_torch(t):
    """g with torch operations, elementwise."""
    c = t**2 + torch.exp(t**2)
    return math.sqrt(c) + math.cos(c)
