# hint: Your derivative has the wrong sign on the cosine term: the derivative of cos c is −sin c.
# why: d(cos c)/dc taken as +sin c
# fails: test_grad_g_closed
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return 2 * x * (1 + math.exp(x * x)) * (1 / (2 * math.sqrt(c)) + math.sin(c))


def g_torch(t):
    """g with torch operations, elementwise."""
    c = t**2 + torch.exp(t**2)
    return torch.sqrt(c) + torch.cos(c)
