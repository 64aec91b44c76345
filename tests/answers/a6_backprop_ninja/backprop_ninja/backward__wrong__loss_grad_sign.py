# hint: Your gradient of the loss at the output has the wrong sign: the derivative of (h2 − y)² with respect to h2 is 2(h2 − y).
# why: the gradient of the loss at the output with the wrong sign, 2 (y - h2)
# fails: test_backward_output test_backward_hidden
def backward(params, x, y, z1, h1, z2, h2):
    """Gradients of loss(h2, y) w.r.t. every intermediate tensor and parameter, as a dict."""
    dh2 = 2 * (y - h2)
    dz2 = dsigma(z2) * dh2
    dw2 = h1.T @ dz2
    db2 = dz2.sum(0)
    dh1 = dz2 @ params["w2"].T
    dz1 = dsigma(z1) * dh1
    dw1 = x.T @ dz1
    db1 = dz1.sum(0)
    return {"h2": dh2, "z2": dz2, "w2": dw2, "b2": db2, "h1": dh1, "z1": dz1, "w1": dw1, "b1": db1}
