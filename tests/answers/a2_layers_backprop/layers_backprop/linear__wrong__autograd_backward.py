# hint: Your backward pass uses autograd: this exercise asks for the gradients by hand, from the cached input and the upstream gradient.
# why: gradients by autograd inside backward (the exercise asks for them by hand; the values are right)
# fails: test_linear_forward test_linear_backward_dx
class Linear:
    """Fully connected layer y = x @ weight + bias."""

    def __init__(self, in_features, out_features):
        self.weight = torch.empty(in_features, out_features)
        self.bias = torch.empty(out_features)
        self.init_params()
        self.cache = None        # what forward() keeps for backward()
        self.weight_grad = None  # dL/dweight, set by backward()
        self.bias_grad = None    # dL/dbias, set by backward()

    def init_params(self, std=0.1):
        """Weights from N(0, std^2), biases zero."""
        self.weight = std * torch.randn_like(self.weight)
        self.bias = torch.zeros_like(self.bias)

    def forward(self, x):
        self.cache = x
        y = x @ self.weight + self.bias
        return y

    def backward(self, dupstream):
        x = self.cache.clone().requires_grad_()
        w = self.weight.clone().requires_grad_()
        b = self.bias.clone().requires_grad_()
        ((x @ w + b) * dupstream).sum().backward()
        self.weight_grad, self.bias_grad = w.grad, b.grad
        dx = x.grad
        return dx
