# why: the chain rule written node by node (dc/dx = 2x (1 + e^a), then dg/dc), g_torch with torch.pow
def grad_g_closed(x):
    """The closed-form derivative g'(x)."""
    a = x * x
    b = math.exp(a)
    c = a + b
    dc_dx = (1.0 + b) * 2.0 * x
    dg_dc = 0.5 / math.sqrt(c) - math.sin(c)
    return dc_dx * dg_dc


def g_torch(t):
    """g with torch operations, elementwise."""
    c = torch.pow(t, 2) + torch.exp(torch.pow(t, 2))
    return torch.pow(c, 0.5) + torch.cos(c)
