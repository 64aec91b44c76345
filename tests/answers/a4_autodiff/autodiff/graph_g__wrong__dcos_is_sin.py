# hint: Your derivative of cos c has the wrong sign: it is −sin c.
# why: d(cos c)/dc written as sin c (the minus sign is lost)
# fails: test_local_derivatives_g
def forward_g(x):
    """The values of every node of the graph of g at x, as a dict name -> float."""
    v = {"x": x}
    v["a"] = x**2
    v["b"] = math.exp(v["a"])
    v["c"] = v["a"] + v["b"]
    v["d"] = math.sqrt(v["c"])
    v["e"] = math.cos(v["c"])
    v["g"] = v["d"] + v["e"]
    return v


def local_derivatives_g(v):
    """d child / d parent for each edge (child, parent) of the graph of g, at the node values v."""
    return {
        ("a", "x"): 2.0 * v["x"],
        ("b", "a"): v["b"],
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): 0.5 / v["d"],
        ("e", "c"): math.sin(v["c"]),
        ("g", "d"): 1.0,
        ("g", "e"): 1.0,
    }
