# hint: Your nodes are torch tensors: the exercise asks for Python floats (use the `math` functions).
# why: computes the nodes as torch tensors instead of Python floats
# fails: test_forward_f
def forward_f(x):
    """The values of every node of the graph of f at x, as a dict name -> float."""
    v = {"x": torch.tensor(x, dtype=torch.float64)}
    v["a"] = torch.exp(v["x"])
    v["b"] = v["a"] ** 2
    v["c"] = v["a"] + v["b"]
    v["d"] = torch.sin(v["c"])
    v["e"] = torch.exp(v["c"])
    v["f"] = v["d"] + v["e"]
    return v
