# hint: You apply the ReLU to the output layer too: the logits are `H W2 + b2` with no activation, and they may be negative.
# why: applies ReLU to the output layer too
# fails: test_mlp_forward
class MLPScratch(MLPInit):
    """A one-hidden-layer MLP with ReLU, built on the parameters of MLPInit."""

    def forward(self, X):

        X = X.reshape(-1, self.num_inputs)
        H = relu(X @ self.W1 + self.b1)
        return relu(H @ self.W2 + self.b2)
