# hint: Your dh1 multiplies by w2 without transposing it: dh1 has h1's shape and uses w2ᵀ.
# why: dh1 = dz2 @ w2 without the transpose (only runs when the hidden size is 10)
# fails: test_backward_output test_backward_hidden
def backward(params, x, y, z1, h1, z2, h2):
    """Gradients of loss(h2, y) w.r.t. every intermediate tensor and parameter, as a dict."""
    dh2 = dloss(h2, y)
    dz2 = dsigma(z2) * dh2
    dw2 = h1.T @ dz2
    db2 = dz2.sum(0)
    dh1 = dz2 @ params["w2"]
    dz1 = dsigma(z1) * dh1
    dw1 = x.T @ dz1
    db1 = dz1.sum(0)
    return {"h2": dh2, "z2": dz2, "w2": dw2, "b2": db2, "h1": dh1, "z1": dz1, "w1": dw1, "b1": db1}
