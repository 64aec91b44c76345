# why: a loop over the examples that accumulates outer products into dw and the rows into db
def backward(params, x, y, z1, h1, z2, h2):
    """Gradients of loss(h2, y) w.r.t. every intermediate tensor and parameter, as a dict."""
    dh2 = dloss(h2, y)
    dz2 = dsigma(z2) * dh2
    dh1 = dz2 @ params["w2"].T
    dz1 = dsigma(z1) * dh1
    dw2 = torch.zeros_like(params["w2"])
    db2 = torch.zeros_like(params["b2"])
    dw1 = torch.zeros_like(params["w1"])
    db1 = torch.zeros_like(params["b1"])
    for i in range(x.shape[0]):
        dw2 += torch.outer(h1[i], dz2[i])
        db2 += dz2[i]
        dw1 += torch.outer(x[i], dz1[i])
        db1 += dz1[i]
    return {"h2": dh2, "z2": dz2, "w2": dw2, "b2": db2, "h1": dh1, "z1": dz1, "w1": dw1, "b1": db1}
