# hint: Your loss adds up the examples' losses: the cross-entropy asked for is their mean over the batch (the default of `nn.CrossEntropyLoss`).
# why: sums the per-example losses instead of averaging
# fails: test_cross_entropy
loss = nn.CrossEntropyLoss(reduction="sum")(output, labels)
print(loss)
