"""Unit tests of the check helpers that every graded test uses."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch
from torch import nn

from course.checks import (
    CheckFailed,
    check_accuracy,
    check_at_least,
    check_close,
    check_equal,
    check_grad,
    check_not_using,
    check_shape,
    check_type,
)


def test_close_passes_within_default_float32_tolerance():
    x = torch.randn(4, 5)
    check_close("ok", x + 1e-7, x)


def test_close_message_names_check_and_says_what_differs():
    expected = torch.zeros(2, 3)
    got = expected.clone()
    got[1, 2] = 0.5
    with pytest.raises(CheckFailed) as err:
        check_close("layer.dW", got, expected)
    msg = str(err.value)
    assert "check 'layer.dW' failed" in msg
    assert "max abs error 0.5" in msg
    assert "(1, 2)" in msg
    assert "1 of 6 values differ" in msg
    assert "tolerance" in msg


def test_close_rejects_wrong_shape_with_both_shapes():
    with pytest.raises(CheckFailed, match=r"expected shape \(3,\), got shape \(1, 3\)"):
        check_close("s", torch.zeros(1, 3), torch.zeros(3))


def test_close_rejects_wrong_kind():
    with pytest.raises(CheckFailed, match="expected a torch.Tensor, got a numpy.ndarray"):
        check_close("k", np.zeros(3), torch.zeros(3))
    with pytest.raises(CheckFailed, match="expected a numpy.ndarray"):
        check_close("k", torch.zeros(3), np.zeros(3))
    with pytest.raises(CheckFailed, match="expected a number"):
        check_close("k", [1.0], 1.0)


def test_close_dtype_rules():
    with pytest.raises(CheckFailed, match="dtype"):
        check_close("d", np.zeros(3, dtype=np.int64), np.zeros(3))
    with pytest.raises(CheckFailed, match="expected an array of dtype float64, got dtype float32"):
        check_close("d", np.zeros(3, dtype=np.float32), np.zeros(3))
    with pytest.raises(CheckFailed, match="expected a tensor of dtype torch.float64, got dtype torch.float32"):
        check_close("d", torch.zeros(3), torch.zeros(3, dtype=torch.float64))
    with pytest.raises(CheckFailed, match="dtype"):
        check_close("d", torch.zeros(3, dtype=torch.int64), torch.zeros(3))
    # integer dtypes are exact too: int32 is not the int64 the text asks for
    with pytest.raises(CheckFailed, match="int64"):
        check_close("d", np.zeros(3, dtype=np.int32), np.zeros(3, dtype=np.int64))
    with pytest.raises(CheckFailed, match="int64"):
        check_close("d", torch.zeros(3, dtype=torch.int32), torch.zeros(3, dtype=torch.int64))
    check_close("d", torch.zeros(3, dtype=torch.int64), torch.zeros(3, dtype=torch.int64))


def test_close_accepts_parameter_for_tensor():
    p = nn.Parameter(torch.ones(3))
    check_close("p", p, torch.ones(3))


def test_close_nan_never_matches():
    with pytest.raises(CheckFailed, match="expected 1, got nan"):
        check_close("n", torch.tensor([float("nan")]), torch.tensor([1.0]))


def test_close_matching_infinities_pass():
    check_close("inf", torch.tensor([float("inf"), 1.0]), torch.tensor([float("inf"), 1.0]))


class AlwaysEqual:
    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


def test_always_equal_object_cannot_pass():
    with pytest.raises(CheckFailed):
        check_close("eq", AlwaysEqual(), torch.zeros(2))
    with pytest.raises(CheckFailed):
        check_close("eq", AlwaysEqual(), 3.0)
    with pytest.raises(CheckFailed):
        check_equal("eq", AlwaysEqual(), True, message="must be True")
    with pytest.raises(CheckFailed):
        check_at_least("eq", AlwaysEqual(), 0.5)


class SneakyTensor(torch.Tensor):
    def __eq__(self, other):  # noqa: D105
        return torch.ones_like(other, dtype=torch.bool)


def test_tensor_subclass_with_fake_eq_cannot_pass():
    sneaky = torch.zeros(3).as_subclass(SneakyTensor)
    with pytest.raises(CheckFailed):
        check_close("sub", sneaky, torch.ones(3))


def test_close_scalars_and_explicit_tolerance():
    check_close("s", 0.75, 0.75)
    check_close("s", 0.5 + 1e-9, 0.5)
    with pytest.raises(CheckFailed):
        check_close("s", 0.51, 0.5)
    check_close("s", 0.51, 0.5, atol=0.02)


def test_close_float64_default_is_tighter():
    e = torch.ones(3, dtype=torch.float64)
    with pytest.raises(CheckFailed):
        check_close("f64", e + 1e-6, e)
    check_close("f32", (e + 1e-6).float(), e.float())


def test_shape_and_type():
    check_shape("s", torch.zeros(2, 3), (2, 3))
    with pytest.raises(CheckFailed, match=r"expected shape \(3, 2\), got shape \(2, 3\)"):
        check_shape("s", torch.zeros(2, 3), (3, 2))
    with pytest.raises(CheckFailed, match="got a NoneType"):
        check_shape("s", None, (1,))
    check_type("t", nn.Parameter(torch.zeros(1)), nn.Parameter)
    with pytest.raises(CheckFailed, match="expected a Parameter, got a torch.Tensor"):
        check_type("t", torch.zeros(1), nn.Parameter)


def test_equal_is_type_strict_and_says_what_differs():
    check_equal("e", [True, 2, "a", None], (True, 2, "a", None))
    check_equal("e", {"b": 1.5, "a": [1]}, {"a": [1], "b": 1.5})
    with pytest.raises(CheckFailed, match=r"the message \(expected True, got False\)"):
        check_equal("e", False, True, message="the message")
    for wrong in (1, torch.tensor(True), np.bool_(True)):
        with pytest.raises(CheckFailed):
            check_equal("e", wrong, True)
    with pytest.raises(CheckFailed):
        check_equal("e", 2.0, 2)


def test_hidden_checks_judge_nothing_in_the_kernel():
    from course.checks import REFERENCE

    check_close("h", torch.ones(2))  # no expected value: only the grader can judge it
    check_equal("h", "anything")
    check_close("h", torch.ones(2), REFERENCE)


def test_accuracy_counts_agreement_of_class_indices():
    labels = torch.tensor([0, 1, 2, 1])
    check_accuracy("a", torch.tensor([0, 1, 2, 0]), labels, 0.75)
    with pytest.raises(CheckFailed, match="accuracy 0.5000 on 4 examples is below 0.75"):
        check_accuracy("a", torch.tensor([0, 0, 2, 0]), labels, 0.75)
    with pytest.raises(CheckFailed, match="integer class indices"):
        check_accuracy("a", torch.zeros(4, 3), labels, 0.5)


def relu_by_hand(x):
    return torch.clamp(x, min=0)


def relu_shortcut(x):
    return torch.nn.functional.relu(x)


def test_not_using_reads_the_source_of_functions():
    forbidden = ["torch.relu", "torch.nn.functional.relu", ".relu"]
    check_not_using("u", relu_by_hand, forbidden)
    with pytest.raises(CheckFailed, match="relu_shortcut uses torch.nn.functional.relu, which this exercise does not "
                                          "allow: by hand"):
        check_not_using("u", relu_shortcut, forbidden, why="by hand")


def test_at_least():
    check_at_least("acc", 0.9, 0.85)
    check_at_least("acc", torch.tensor(0.9), 0.85)
    with pytest.raises(CheckFailed, match="expected at least 0.85, got 0.8"):
        check_at_least("acc", 0.8, 0.85)
    with pytest.raises(CheckFailed):
        check_at_least("acc", float("nan"), 0.85)


def test_grad_check_catches_wrong_gradient():
    x = torch.randn(4, dtype=torch.float64)

    def f(t):
        return (t**3).sum()

    check_grad("g", f, x, 3 * x**2)
    with pytest.raises(CheckFailed, match="check 'g' failed"):
        check_grad("g", f, x, 2 * x)


def test_checks_write_nothing_to_stderr(capfd):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_close("w", np.array([1.0, np.inf]), np.array([1.0, np.inf]))
        with pytest.raises(CheckFailed):
            check_close("w", np.array([np.inf]), np.array([1.0]))
    assert capfd.readouterr().err == ""
