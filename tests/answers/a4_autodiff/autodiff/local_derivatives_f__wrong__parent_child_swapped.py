# hint: Your keys are (parent, child): the exercise keys each edge as (child, parent).
# why: keys written as (parent, child) instead of (child, parent)
# fails: test_local_derivatives_f
def local_derivatives_f(v):
    """d child / d parent for each edge (child, parent) of the graph of f, at the node values v."""
    return {
        ("x", "a"): v["a"],
        ("a", "b"): 2.0 * v["a"],
        ("a", "c"): 1.0,
        ("b", "c"): 1.0,
        ("c", "d"): math.cos(v["c"]),
        ("c", "e"): v["e"],
        ("d", "f"): 1.0,
        ("e", "f"): 1.0,
    }
