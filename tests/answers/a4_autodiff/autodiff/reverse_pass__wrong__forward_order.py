# hint: Your reverse pass walks the nodes in forward order: it uses children's adjoints before they are known. Go from the output back to the input.
# why: walks the nodes in forward order, using children's adjoints before they are known
# fails: test_reverse_pass
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    adjoint = {node: 0.0 for node in order}
    adjoint[order[-1]] = 1.0
    for node in order:
        for (child, parent), derivative in local.items():
            if parent == node:
                adjoint[node] += adjoint[child] * derivative
    return adjoint
