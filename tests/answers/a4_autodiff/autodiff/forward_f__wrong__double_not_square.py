# hint: Your node b doubles a instead of squaring it: e^(2x) is (e^x)².
# why: b = 2a instead of a^2 (e^{2x} read as 2 e^x)
# fails: test_forward_f
def forward_f(x):
    """The values of every node of the graph of f at x, as a dict name -> float."""
    v = {"x": x}
    v["a"] = math.exp(x)
    v["b"] = 2 * v["a"]
    v["c"] = v["a"] + v["b"]
    v["d"] = math.sin(v["c"])
    v["e"] = math.exp(v["c"])
    v["f"] = v["d"] + v["e"]
    return v
