# hint: Your loop stops when the loss changes by less than a tolerance: that happens long before the weights are within 1e-6 of the solution. Choose the number of steps from the convergence rate.
# why: stops when the loss changes by less than 1e-6 (about 2000 steps here): far looser than 1e-6 on w
# fails: test_reach_lstsq
w_lstsq = np.linalg.lstsq(X_reg, y_reg, rcond=None)[0]
eta_reg = 0.02
T_reg = 1
while True:
    _, trial_losses = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg + 1)
    if abs(trial_losses[-1] - trial_losses[-2]) < 1e-6 or T_reg > 20000:
        break
    T_reg += 100
w_reg, losses_reg = linear_regression_gd(X_reg, y_reg, eta_reg, T_reg)
print(f"eta = {eta_reg:.4g}, T = {T_reg}")
print("max difference:  ", np.abs(w_reg - w_lstsq).max())
