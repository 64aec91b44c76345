# hint: Your dict leaves out the input node "x": it must hold every node of the graph.
# why: leaves the input node "x" out of the dict
# fails: test_forward_f
def forward_f(x):
    """The values of every node of the graph of f at x, as a dict name -> float."""
    v = {}
    v["a"] = math.exp(x)
    v["b"] = v["a"] ** 2
    v["c"] = v["a"] + v["b"]
    v["d"] = math.sin(v["c"])
    v["e"] = math.exp(v["c"])
    v["f"] = v["d"] + v["e"]
    return v
