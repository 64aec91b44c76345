# hint: Your backward pass starts from ones: start it from the upstream gradient `dy`, as the layer above did.
# why: backward with ones instead of the upstream gradient dy
# fails: test_torch_linear
torch_layer = nn.Linear(in_features, out_features)
torch_layer.weight = nn.Parameter(layer.weight.T.clone())
torch_layer.bias = nn.Parameter(layer.bias.clone())
torch_y = torch_layer(x_lin)
torch_y.sum().backward()
