# hint: Your `grad_g_closed` is a numerical approximation (finite differences): the exercise asks for the closed-form derivative from the chain rule.
# why: a central difference of g submitted as the closed-form derivative: off by 1e-11 to 1e-7 relative
# fails: test_grad_g_closed
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    h = 1e-6

    def g(t):
        c = t * t + math.exp(t * t)
        return math.sqrt(c) + math.cos(c)

    return (g(x + h) - g(x - h)) / (2 * h)


def g_torch(t):
    """g with torch operations, elementwise."""
    c = t**2 + torch.exp(t**2)
    return torch.sqrt(c) + torch.cos(c)
