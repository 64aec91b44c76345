# hint: Your gradients skip the derivative of the output activation: dz2 is σ′(z2) times dh2, and dh1 comes from dz2 (through w2ᵀ), not from dh2.
# why: dh1 computed from dh2 instead of dz2: skips the output activation
# fails: test_backward_hidden
def backward(params, x, y, z1, h1, z2, h2):
    """Gradients of loss(h2, y) w.r.t. every intermediate tensor and parameter, as a dict."""
    dh2 = dloss(h2, y)
    dz2 = dsigma(z2) * dh2
    dw2 = h1.T @ dz2
    db2 = dz2.sum(0)
    dh1 = dh2 @ params["w2"].T
    dz1 = dsigma(z1) * dh1
    dw1 = x.T @ dz1
    db1 = dz1.sum(0)
    return {"h2": dh2, "z2": dz2, "w2": dw2, "b2": db2, "h1": dh1, "z1": dz1, "w1": dw1, "b1": db1}
