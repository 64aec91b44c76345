# hint: Your dict misses an edge: c = a + b depends on a directly too, so (c, a) has a local derivative.
# why: forgets that c = a + b depends on a directly: the edge (c, a) is missing
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    return {
        ("a", "x"): v["a"],
        ("b", "a"): 2.0 * v["a"],
        ("c", "b"): 1.0,
        ("d", "c"): math.cos(v["c"]),
        ("e", "c"): v["e"],
        ("f", "d"): 1.0,
        ("f", "e"): 1.0,
    }
