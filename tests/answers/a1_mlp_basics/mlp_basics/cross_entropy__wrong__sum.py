# why: sums the per-example losses instead of averaging
# fails: test_cross_entropy
loss = nn.CrossEntropyLoss(reduction="sum")(output, labels)
print(loss)
