# why: normal equations for w_lstsq, and a hand-picked eta = 0.05 < 2 / lambda_max with T = 5000 steps
w_lstsq = np.linalg.solve(X_reg.T @ X_reg, X_reg.T @ y_reg)
eta_reg = 0.05
T_reg = 5000
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("least squares:   ", w_lstsq)
print("gradient descent:", w_reg)
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
fig, ax = plt.subplots(figsize=(5, 3))
ax.semilogy(np.maximum(losses_reg - np.mean((X_reg @ w_lstsq - y_reg) ** 2), 1e-16))
ax.set_xlabel("step t")
ax.set_ylabel("L(w_t) - L(w_lstsq)")
plt.show()
