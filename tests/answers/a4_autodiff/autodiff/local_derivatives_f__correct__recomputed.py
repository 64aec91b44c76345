# why: recomputes the exponentials from the parents instead of reusing the stored node values
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    local = {}
    local[("a", "x")] = math.exp(v["x"])
    local[("b", "a")] = 2 * math.exp(v["x"])
    local[("c", "a")] = 1
    local[("c", "b")] = 1
    local[("d", "c")] = math.cos(v["c"])
    local[("e", "c")] = math.exp(v["c"])
    local[("f", "d")] = 1
    local[("f", "e")] = 1
    return local
