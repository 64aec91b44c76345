# hint: Your number of steps is a NumPy integer: the exercise asks for a Python `int`.
# why: the right eta and enough steps, but T_reg is a NumPy integer (np.int64 from np.ceil(...).astype), not the Python int asked for
# fails: test_reach_lstsq
w_lstsq = np.linalg.lstsq(X_reg, y_reg, rcond=None)[0]
eigenvalues = np.linalg.eigvalsh(2.0 / n_reg * X_reg.T @ X_reg)
eta_reg = 1.0 / eigenvalues[-1]
T_reg = np.ceil(np.log(3e8) / (eigenvalues[0] / eigenvalues[-1])).astype(np.int64)
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
