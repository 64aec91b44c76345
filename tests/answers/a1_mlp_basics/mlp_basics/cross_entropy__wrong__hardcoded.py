# hint: Your loss is a number typed in, not computed: compute it with `criterion` from `output` and `labels`, so that it has a gradient and the exact value.
# why: types in the printed value
# fails: test_cross_entropy
loss = torch.tensor(1.4254)
print(loss)
