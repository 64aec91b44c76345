"""Numerical gradients, relative error and cmp."""

from __future__ import annotations

import numpy as np
import torch

from course.gradcheck import cmp, numerical_gradient, rel_error


def test_numerical_gradient_numpy_and_torch():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    g = numerical_gradient(lambda a: np.sum(np.sin(a)), x)
    assert rel_error(g, np.cos(x)) < 1e-8
    t = torch.tensor([0.3, -1.2], dtype=torch.float64)
    gt = numerical_gradient(lambda a: (a**2).sum(), t)
    assert isinstance(gt, torch.Tensor)
    assert rel_error(gt, 2 * t) < 1e-8
    assert torch.equal(t, torch.tensor([0.3, -1.2], dtype=torch.float64))  # input unchanged


def test_rel_error_zero_and_scale():
    assert rel_error(np.zeros(3), np.zeros(3)) == 0.0
    assert abs(rel_error(np.array([1.0]), np.array([1.1])) - 0.1 / 2.1) < 1e-12


def test_cmp_reports_match_and_mismatch(capsys):
    w = torch.randn(3, 2, requires_grad=True)
    (w**2).sum().backward()
    assert cmp("w", 2 * w.detach(), w)
    assert not cmp("w", w.detach(), w)
    out = capsys.readouterr().out.splitlines()
    assert "exact: True" in out[0] and "approximate: True" in out[0]
    assert "approximate: False" in out[1] and "maxdiff" in out[1]
    v = torch.randn(2)
    assert not cmp("v", v, v)
    assert "no autograd gradient" in capsys.readouterr().out
