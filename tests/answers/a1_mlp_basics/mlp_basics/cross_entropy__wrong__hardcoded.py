# why: types in the printed value
# fails: test_cross_entropy
loss = torch.tensor(1.4254)
print(loss)
