"""Numerical gradients and gradient comparison, in the spirit of CS231n's ``gradient_check.py``.

* :func:`numerical_gradient` -- central differences of a scalar function (numpy or torch input).
* :func:`rel_error` -- the relative error ``max |a-b| / max(|a|+|b|)`` used to judge gradients.
* :func:`cmp` -- the "backprop ninja" habit: compare a hand-written gradient with autograd's
  and print one line saying whether they are exact, approximately equal, and by how much they differ.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import torch

__all__ = ["numerical_gradient", "rel_error", "cmp"]


def numerical_gradient(f: Callable[[Any], Any], x: Any, h: float = 1e-6) -> Any:
    """Return the central-difference gradient of the scalar function ``f`` at ``x``.

    ``x`` may be a numpy array or a torch tensor (use float64 for accuracy); the result has
    the same type and shape. ``x`` itself is left unchanged.
    """
    is_torch = isinstance(x, torch.Tensor)
    base = x.detach().clone() if is_torch else np.array(x, dtype=np.float64, copy=True)
    grad = torch.zeros_like(base) if is_torch else np.zeros_like(base)
    flat_x = base.reshape(-1)
    flat_g = grad.reshape(-1)
    for i in range(flat_x.shape[0]):
        old = flat_x[i].item() if is_torch else flat_x[i]
        flat_x[i] = old + h
        fp = float(f(base))
        flat_x[i] = old - h
        fm = float(f(base))
        flat_x[i] = old
        flat_g[i] = (fp - fm) / (2 * h)
    return grad


def rel_error(a: Any, b: Any) -> float:
    """Relative error ``max|a - b| / max(|a| + |b|)`` (0 when both are zero)."""
    a64 = torch.as_tensor(np.asarray(a) if not isinstance(a, torch.Tensor) else a.detach()).double()
    b64 = torch.as_tensor(np.asarray(b) if not isinstance(b, torch.Tensor) else b.detach()).double()
    denom = float((a64.abs() + b64.abs()).max()) if a64.numel() else 0.0
    return 0.0 if denom == 0.0 else float((a64 - b64).abs().max()) / denom


def cmp(name: str, dt: torch.Tensor, t: torch.Tensor) -> bool:
    """Compare a hand-written gradient ``dt`` with ``t.grad`` and print one line about it.

    Returns True when the two agree within ``torch.allclose`` defaults.
    """
    ref = t.grad
    if ref is None:
        print(f"{name:15s} | no autograd gradient: call retain_grad() on it before backward()")
        return False
    if tuple(dt.shape) != tuple(ref.shape):
        print(f"{name:15s} | shape mismatch: yours {tuple(dt.shape)}, autograd {tuple(ref.shape)}")
        return False
    exact = bool(torch.equal(dt, ref))
    approx = bool(torch.allclose(dt, ref))
    maxdiff = float((dt - ref).abs().max()) if dt.numel() else 0.0
    print(f"{name:15s} | exact: {exact!s:5} | approximate: {approx!s:5} | maxdiff: {maxdiff:.3g}")
    return approx
