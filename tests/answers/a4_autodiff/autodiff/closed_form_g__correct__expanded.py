# why: the derivative expanded term by term, and g_torch with torch.square and Tensor.sqrt
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    inner = x**2 + math.exp(x**2)
    dinner = 2 * x + 2 * x * math.exp(x**2)
    return dinner / (2 * math.sqrt(inner)) - math.sin(inner) * dinner


def g_torch(t):
    """g with torch operations, elementwise."""
    sq = torch.square(t)
    inner = sq + sq.exp()
    return inner.sqrt() + inner.cos()
