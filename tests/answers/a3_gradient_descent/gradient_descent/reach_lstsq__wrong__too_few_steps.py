# hint: Your number of steps is too small: the slowest direction (the smallest eigenvalue) has not converged yet. Derive the number of steps from the convergence rate.
# why: the right learning rate but only 1000 steps: the slow direction (lambda_min) has not converged
# fails: test_reach_lstsq
w_lstsq = np.linalg.lstsq(X_reg, y_reg, rcond=None)[0]
eigenvalues = np.linalg.eigvalsh(2.0 / n_reg * X_reg.T @ X_reg)
eta_reg = 1.0 / eigenvalues[-1]
T_reg = 1000
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
