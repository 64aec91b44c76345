# hint: Your local derivatives are numerical approximations (finite differences): the exercise asks for the closed forms of the table.
# why: local derivatives by central differences instead of the closed forms of the table: off by about 1e-11
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    h = 1e-5
    x, a, c = v["x"], v["a"], v["c"]
    return {
        ("a", "x"): (math.exp(x + h) - math.exp(x - h)) / (2 * h),
        ("b", "a"): ((a + h) ** 2 - (a - h) ** 2) / (2 * h),
        ("c", "a"): 1.0,
        ("c", "b"): 1.0,
        ("d", "c"): (math.sin(c + h) - math.sin(c - h)) / (2 * h),
        ("e", "c"): (math.exp(c + h) - math.exp(c - h)) / (2 * h),
        ("f", "d"): 1.0,
        ("f", "e"): 1.0,
    }
