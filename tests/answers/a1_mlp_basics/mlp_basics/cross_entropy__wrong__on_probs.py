# why: passes the softmax probabilities instead of the logits
# fails: test_cross_entropy
loss = criterion(probs, labels)
print(loss)
