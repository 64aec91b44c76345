# hint: Your `nn.Linear` gets the weight untransposed: `nn.Linear` stores its weight as (out_features, in_features), the transpose of ours.
# why: loads the weight without transposing it (reshaped to fit)
# fails: test_torch_linear
torch_layer = nn.Linear(in_features, out_features)
torch_layer.weight = nn.Parameter(layer.weight.reshape(out_features, in_features).clone())
torch_layer.bias = nn.Parameter(layer.bias.clone())
torch_y = torch_layer(x_lin)
torch_y.backward(dy)
