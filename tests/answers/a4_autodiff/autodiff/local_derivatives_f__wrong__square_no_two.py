# hint: Your derivative of a² misses the factor 2: it is 2a.
# why: d(a^2)/da written as a, without the factor 2
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    return {
        ("a", "x"): v["a"],
        ("b", "a"): v["a"],
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): math.cos(v["c"]),
        ("e", "c"): v["e"],
        ("f", "d"): 1.0,
        ("f", "e"): 1.0,
    }
