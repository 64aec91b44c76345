# hint: Your derivative of exp(x²) misses the chain rule's inner derivative 2x.
# why: d exp(x^2)/dx taken as exp(x^2) (chain factor 2x missing on that term only)
# fails: test_grad_g_closed
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return (2 * x + math.exp(x * x)) * (1 / (2 * math.sqrt(c)) - math.sin(c))


def g_torch(t):
    """g with torch operations, elementwise."""
    c = t**2 + torch.exp(t**2)
    return torch.sqrt(c) + torch.cos(c)
