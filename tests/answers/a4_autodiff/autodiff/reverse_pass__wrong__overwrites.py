# hint: Your reverse pass keeps only one child's contribution for a node with several children: a node's adjoint is the sum, over all its children, of the child's adjoint times the local derivative.
# why: assigns instead of adding, so a node with two children keeps only the last child's contribution
# fails: test_reverse_pass
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    adjoint = {node: 0.0 for node in order}
    adjoint[order[-1]] = 1.0
    for node in reversed(order):
        for (child, parent), derivative in local.items():
            if child == node:
                adjoint[parent] = adjoint[node] * derivative
    return adjoint
