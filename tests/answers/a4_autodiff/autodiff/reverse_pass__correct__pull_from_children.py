# why: computes each adjoint by pulling from its children (the sum formula), with a children table
def reverse_pass(order, local):
    """d output / d node for every node, by reverse-mode accumulation over the children of each node."""
    children = {node: [] for node in order}
    for child, parent in local:
        children[parent].append(child)
    adjoint = {}
    for node in reversed(order):
        if node == order[-1]:
            adjoint[node] = 1.0
        else:
            adjoint[node] = float(sum(adjoint[z] * local[(z, node)] for z in children[node]))
    return adjoint
