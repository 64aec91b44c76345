# hint: Your reshape uses a fixed number of features: take it from the model (`self.num_inputs`), so that other sizes work too.
# why: reshapes to a hard-coded 4 features
# fails: test_mlp_forward
class MLPScratch(MLPInit):
    """A one-hidden-layer MLP with ReLU, built on the parameters of MLPInit."""

    def forward(self, X):

        X = X.reshape(-1, 4)
        H = relu(X @ self.W1 + self.b1)
        return H @ self.W2 + self.b2
