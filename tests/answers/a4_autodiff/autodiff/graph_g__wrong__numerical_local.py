# hint: Your local derivatives are numerical approximations (finite differences): the exercise asks for the exact derivative of each node's operation.
# why: local derivatives by central differences of each node's operation instead of worked out: off by about 1e-11
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
    h = 1e-5
    x, a, c = v["x"], v["a"], v["c"]
    return {
        ("a", "x"): ((x + h) ** 2 - (x - h) ** 2) / (2 * h),
        ("b", "a"): (math.exp(a + h) - math.exp(a - h)) / (2 * h),
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): (math.sqrt(c + h) - math.sqrt(c - h)) / (2 * h),
        ("e", "c"): (math.cos(c + h) - math.cos(c - h)) / (2 * h),
        ("g", "d"): 1.0,
        ("g", "e"): 1.0,
    }
