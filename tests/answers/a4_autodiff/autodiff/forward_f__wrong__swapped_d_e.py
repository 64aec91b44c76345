# hint: Your nodes d and e are swapped: check each node's operation against the table.
# why: d = exp(c) and e = sin(c), the other way round from the table
# fails: test_forward_f
def forward_f(x):
    """The values of every node of the graph of f at x, as a dict name -> float."""
    v = {"x": x}
    v["a"] = math.exp(x)
    v["b"] = v["a"] ** 2
    v["c"] = v["a"] + v["b"]
    v["d"] = math.exp(v["c"])
    v["e"] = math.sin(v["c"])
    v["f"] = v["d"] + v["e"]
    return v
