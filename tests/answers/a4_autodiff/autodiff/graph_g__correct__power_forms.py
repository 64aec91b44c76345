# why: powers instead of sqrt (c ** 0.5, 0.5 * c ** -0.5), exp recomputed from the parent a
def forward_g(x):
    """The values of every node of the graph of g at x, as a dict name -> float."""
    v = {"x": x}
    v["a"] = x * x
    v["b"] = math.exp(v["a"])
    v["c"] = v["a"] + v["b"]
    v["d"] = v["c"] ** 0.5
    v["e"] = math.cos(v["c"])
    v["g"] = v["d"] + v["e"]
    return v


def local_derivatives_g(v):
    """d child / d parent for each edge (child, parent) of the graph of g, at the node values v."""
    local = {}
    for child, parent in [("c", "a"), ("c", "b"), ("g", "d"), ("g", "e")]:
        local[(child, parent)] = 1.0
    local[("a", "x")] = 2 * v["x"]
    local[("b", "a")] = math.exp(v["a"])
    local[("d", "c")] = 0.5 * v["c"] ** -0.5
    local[("e", "c")] = -math.sin(v["c"])
    return local
