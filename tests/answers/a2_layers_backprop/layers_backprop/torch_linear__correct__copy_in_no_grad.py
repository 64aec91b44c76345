# why: copies the parameters in place under no_grad instead of replacing them
torch_layer = nn.Linear(in_features, out_features)
with torch.no_grad():
    torch_layer.weight.copy_(layer.weight.t())
    torch_layer.bias.copy_(layer.bias)
torch_y = torch_layer(x_lin)
(torch_y * dy).sum().backward()

print("y  identical:", torch.allclose(y, torch_y))
print("dx identical:", torch.allclose(dx, x_lin.grad))
print("dW identical:", torch.allclose(layer.weight_grad, torch_layer.weight.grad.T))
print("db identical:", torch.allclose(layer.bias_grad, torch_layer.bias.grad))