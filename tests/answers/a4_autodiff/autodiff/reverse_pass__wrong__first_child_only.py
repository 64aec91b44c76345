# hint: Your reverse pass keeps only one child's contribution for a node with several children: a node's adjoint is the sum, over all its children, of the child's adjoint times the local derivative.
# why: pulls from the first child it finds and stops: the other children of a node are forgotten
# fails: test_reverse_pass
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    adjoint = {node: 0.0 for node in order}
    adjoint[order[-1]] = 1.0
    for node in reversed(order[:-1]):
        for (child, parent), derivative in local.items():
            if parent == node:
                adjoint[node] = adjoint[child] * derivative
                break
    return adjoint
