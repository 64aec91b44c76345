# hint: Your reverse pass adds the local derivative alone: each contribution is the child's adjoint times the local derivative.
# why: adds the local derivative alone, without multiplying by the child's adjoint
# fails: test_reverse_pass
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    adjoint = {node: 0.0 for node in order}
    adjoint[order[-1]] = 1.0
    for node in reversed(order):
        for (child, parent), derivative in local.items():
            if child == node:
                adjoint[parent] += derivative
    return adjoint
