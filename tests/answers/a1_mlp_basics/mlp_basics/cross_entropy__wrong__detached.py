# hint: Your loss has no gradient: it is computed from a detached copy of the output. Compute it from the model's output itself, so that the backward pass can reach the parameters.
# why: computes the loss on detached outputs (no gradient)
# fails: test_cross_entropy
loss = criterion(output.detach(), labels)
print(loss)
