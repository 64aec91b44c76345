# why: local derivatives written in terms of x and c (2x, exp(x^2), 1 / (2 sqrt(c))) instead of reusing node values
def forward_g(x):
    """The values of every node of the graph of g at x, as a dict name -> float."""
    a = x * x
    b = math.exp(a)
    c = a + b
    d = c**0.5
    e = math.cos(c)
    return {"x": x, "a": a, "b": b, "c": c, "d": d, "e": e, "g": d + e}


def local_derivatives_g(v):
    """d child / d parent for each edge (child, parent) of the graph of g, at the node values v."""
    x, c = v["x"], v["c"]
    return {
        ("a", "x"): x + x,
        ("b", "a"): math.exp(x * x),
        ("c", "a"): 1,
        ("c", "b"): 1,
        ("d", "c"): 1 / (2 * math.sqrt(c)),
        ("e", "c"): -math.sin(c),
        ("g", "d"): 1,
        ("g", "e"): 1,
    }
