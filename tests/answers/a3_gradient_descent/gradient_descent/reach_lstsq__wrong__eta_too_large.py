# hint: Your learning rate is too large for this problem: gradient descent diverges when eta exceeds 2 over the largest eigenvalue of the Hessian.
# why: reuses the classification learning rate eta = 0.1 > 2 / lambda_max: gradient descent diverges
# fails: test_reach_lstsq
w_lstsq = np.linalg.lstsq(X_reg, y_reg, rcond=None)[0]
eta_reg = 0.1
T_reg = 5000
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
