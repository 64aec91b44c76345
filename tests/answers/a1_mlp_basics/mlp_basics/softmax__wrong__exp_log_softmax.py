# hint: You use a library log-softmax: this exercise asks for softmax by hand, with `torch.exp`, a max and a sum.
# why: exp of F.log_softmax: a library softmax in disguise, which the exercise forbids
# fails: test_softmax
def softmax(O):
    """Row-wise softmax of a 2-D tensor, computed stably."""

    return torch.exp(F.log_softmax(O, dim=1))
