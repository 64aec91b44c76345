# hint: Your derivative misses the inner derivative of the chain rule: dc/dx = 2x(1 + exp(x²)) multiplies the outer derivative.
# why: forgets the inner derivative 2x(1 + exp(x^2)) of the chain rule
# fails: test_grad_g_closed
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    c = x * x + math.exp(x * x)
    return 1 / (2 * math.sqrt(c)) - math.sin(c)


def g_torch(t):
    """g with torch operations, elementwise."""
    c = t**2 + torch.exp(t**2)
    return torch.sqrt(c) + torch.cos(c)
