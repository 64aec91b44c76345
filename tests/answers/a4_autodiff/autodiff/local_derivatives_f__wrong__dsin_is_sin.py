# hint: Your derivative of sin c is sin c: it is cos c.
# why: d(sin c)/dc written as sin c instead of cos c
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    return {
        ("a", "x"): v["a"],
        ("b", "a"): 2.0 * v["a"],
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): math.sin(v["c"]),
        ("e", "c"): v["e"],
        ("f", "d"): 1.0,
        ("f", "e"): 1.0,
    }
