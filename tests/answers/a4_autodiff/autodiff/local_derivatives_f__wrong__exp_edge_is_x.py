# hint: Your derivative of a = e^x with respect to x is wrong: the derivative of e^x is e^x (the value of node a).
# why: d a / d x written as x instead of e^x (a non-constant edge)
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    return {
        ("a", "x"): v["x"],
        ("b", "a"): 2.0 * v["a"],
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): math.cos(v["c"]),
        ("e", "c"): v["e"],
        ("f", "d"): 1.0,
        ("f", "e"): 1.0,
    }
