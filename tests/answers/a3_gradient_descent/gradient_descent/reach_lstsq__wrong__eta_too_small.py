# hint: Your learning rate is far too small: even many steps leave the weights far from the least-squares solution. Derive a learning rate from the Hessian's eigenvalues.
# why: a safe but tiny learning rate, eta = 0.001: even 20 000 steps leave it far from the solution
# fails: test_reach_lstsq
w_lstsq = np.linalg.lstsq(X_reg, y_reg, rcond=None)[0]
eta_reg = 0.001
T_reg = 20000
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
