# why: the optimal constant step eta = 2 / (lambda_min + lambda_max), the rate (k - 1) / (k + 1), and T from it
w_lstsq = np.linalg.pinv(X_reg) @ y_reg
lam = np.linalg.eigvalsh(2.0 / n_reg * X_reg.T @ X_reg)
eta_reg = 2.0 / (lam[0] + lam[-1])
rate = (lam[-1] - lam[0]) / (lam[-1] + lam[0])
T_reg = int(np.log(1e-9) / np.log(rate)) + 1
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
