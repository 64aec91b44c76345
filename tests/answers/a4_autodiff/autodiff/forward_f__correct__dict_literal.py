# why: one dict literal with local variables, b computed as a * a
def forward_f(x):
    """The values of every node of the graph of f at x, as a dict name -> float."""
    a = math.exp(x)
    b = a * a
    c = a + b
    d = math.sin(c)
    e = math.exp(c)
    return {"x": x, "a": a, "b": b, "c": c, "d": d, "e": e, "f": d + e}
