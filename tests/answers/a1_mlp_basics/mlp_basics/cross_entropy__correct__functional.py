# why: F.cross_entropy, same thing as the criterion
loss = F.cross_entropy(output, labels)
print(loss)
