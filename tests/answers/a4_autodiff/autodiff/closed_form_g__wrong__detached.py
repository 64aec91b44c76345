# hint: Your `g_torch` goes through NumPy and back: autograd cannot follow that. Write g with torch operations only.
# why: g_torch goes through NumPy (detach().numpy()) and back: the values are right but autograd cannot follow
# fails: test_g_torch
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return 2 * x * (1 + math.exp(x * x)) * (1 / (2 * math.sqrt(c)) - math.sin(c))


def g_torch(t):
    """g with torch operations, elementwise."""
    a = t.detach().numpy()
    c = a**2 + np.exp(a**2)
    return torch.from_numpy(np.sqrt(c) + np.cos(c))
