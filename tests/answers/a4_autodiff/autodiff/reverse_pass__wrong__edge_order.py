# hint: Your reverse pass follows the order of the edges in the dict: go through the nodes in reverse graph order, so that a node's adjoint is complete before it is used.
# why: sweeps the edges in reverse dict order instead of the nodes in reverse graph order: right only when the edges are listed topologically
# fails: test_reverse_pass
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    adjoint = {node: 0.0 for node in order}
    adjoint[order[-1]] = 1.0
    for (child, parent), derivative in reversed(list(local.items())):
        adjoint[parent] += adjoint[child] * derivative
    return adjoint
