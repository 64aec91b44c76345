# why: the cross-entropy written as the negative log-likelihood of log_softmax
loss = F.nll_loss(F.log_softmax(output, dim=1), labels)
print(loss)
