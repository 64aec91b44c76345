# hint: Your `nn.Linear` keeps its own random parameters: give it the weight and bias of the layer above (the weight transposed, as `nn.Linear` stores it).
# why: keeps nn.Linear's own random parameters
# fails: test_torch_linear
torch_layer = nn.Linear(in_features, out_features)
torch_y = torch_layer(x_lin)
torch_y.backward(dy)
