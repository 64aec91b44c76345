# why: computes the loss on detached outputs (no gradient)
# fails: test_cross_entropy
loss = criterion(output.detach(), labels)
print(loss)
