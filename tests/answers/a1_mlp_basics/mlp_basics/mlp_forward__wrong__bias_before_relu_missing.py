# hint: Your hidden layer leaves out its bias: add `b1` before the ReLU.
# why: forgets the bias of the hidden layer
# fails: test_mlp_forward
class MLPScratch(MLPInit):
    """A one-hidden-layer MLP with ReLU, built on the parameters of MLPInit."""

    def forward(self, X):

        X = X.reshape(-1, self.num_inputs)
        H = relu(X @ self.W1)
        return H @ self.W2 + self.b2
