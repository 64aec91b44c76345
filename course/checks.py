"""Check helpers: every graded comparison in the course goes through these.

Each helper takes a ``name`` (unique within a notebook, e.g. ``"linear.backward.dW"``),
the value the student's code produced and what it should be. On failure it raises
:class:`CheckFailed` with a message that says what was checked and what differed
(type, shape, max abs error, tolerance), never a bare ``AssertionError``.

The helpers never call ``==`` on the student's object: they check the exact type first
and then compare real ``torch`` tensors, so an object with an always-true ``__eq__``
cannot pass. Warnings raised while comparing are swallowed (a graded cell that writes
to stderr scores zero under nbgrader).

When grading, every call also records the value under test so that the grader can
re-check it outside the student's kernel (see :mod:`course.grading.verdict`).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import torch

from course import _recorder

__all__ = [
    "CheckFailed",
    "check_type",
    "check_shape",
    "check_close",
    "check_true",
    "check_at_least",
    "check_grad",
    "default_tolerance",
]


class CheckFailed(AssertionError):
    """A graded check failed; the message explains what was expected and what was found."""

    def __init__(self, name: str, message: str) -> None:
        self.check_name = name
        super().__init__(f"check '{name}' failed: {message}")


def _type_name(value: Any) -> str:
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def default_tolerance(dtype: torch.dtype) -> tuple[float, float]:
    """Return ``(rtol, atol)`` for ``dtype``, the defaults of :func:`torch.testing.assert_close`."""
    table = {
        torch.float16: (1e-3, 1e-5),
        torch.bfloat16: (1.6e-2, 1e-5),
        torch.float32: (1.3e-6, 1e-5),
        torch.float64: (1e-7, 1e-7),
    }
    return table.get(dtype, (0.0, 0.0))


_REAL_SCALARS = (bool, int, float, np.bool_, np.integer, np.floating)


def _kind(value: Any) -> str:
    """Classify a value as 'tensor', 'ndarray', 'scalar' or 'other' by its exact type family."""
    if isinstance(value, torch.Tensor):
        return "tensor"
    if type(value) is np.ndarray:
        return "ndarray"
    if isinstance(value, _REAL_SCALARS) and not isinstance(value, (torch.Tensor, np.ndarray)):
        return "scalar"
    return "other"


def _as_tensor(value: Any) -> torch.Tensor:
    kind = _kind(value)
    if kind == "tensor":
        # a plain, detached tensor: no subclass behaviour (__torch_function__, __eq__) survives
        with torch._C.DisableTorchFunctionSubclass():
            return value.detach().as_subclass(torch.Tensor)
    if kind == "ndarray":
        return torch.from_numpy(np.ascontiguousarray(value))
    if kind == "scalar":
        return torch.tensor(float(value), dtype=torch.float64)
    raise TypeError(f"cannot compare a value of type {_type_name(value)}")


def _same_dtype(got: Any, expected: Any, kind: str) -> bool:
    """Floating dtypes must match exactly (float32 is not float64); integer and bool ones by kind."""
    if kind == "tensor":
        if expected.is_floating_point or expected.is_complex:
            return got == expected
        return not (got.is_floating_point or got.is_complex) and (got == torch.bool) == (expected == torch.bool)
    g, e = np.dtype(got), np.dtype(expected)
    if e.kind in "fc":
        return g == e
    return (g.kind in "iu") == (e.kind in "iu") and (g.kind == "b") == (e.kind == "b")


def check_type(name: str, got: Any, expected_type: type | tuple[type, ...]) -> None:
    """Check that ``got`` is an instance of ``expected_type`` (e.g. ``torch.Tensor``, ``nn.Parameter``)."""
    _recorder.record(name, "type", got, types=expected_type if isinstance(expected_type, tuple) else (expected_type,))
    if not isinstance(got, expected_type):
        names = (
            " or ".join(t.__name__ for t in expected_type)
            if isinstance(expected_type, tuple)
            else expected_type.__name__
        )
        raise CheckFailed(name, f"expected a {names}, got a {_type_name(got)}")


def check_shape(name: str, got: Any, shape: Sequence[int]) -> None:
    """Check that ``got`` is a tensor or array of exactly ``shape``."""
    _recorder.record(name, "shape", got, shape=shape)
    kind = _kind(got)
    if kind not in ("tensor", "ndarray"):
        raise CheckFailed(name, f"expected a tensor or array of shape {tuple(shape)}, got a {_type_name(got)}")
    got_shape = tuple(int(s) for s in got.shape)
    if got_shape != tuple(shape):
        raise CheckFailed(name, f"expected shape {tuple(shape)}, got shape {got_shape}")


def _describe_index(flat_index: int, shape: tuple[int, ...]) -> str:
    if not shape:
        return ""
    idx = np.unravel_index(flat_index, shape)
    return " at index " + str(tuple(int(i) for i in idx))


def check_close(
    name: str,
    got: Any,
    expected: Any,
    *,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Check that ``got`` has the type and shape of ``expected`` and values within tolerance.

    ``got`` must be of the same kind as ``expected``: a ``torch.Tensor`` (an
    ``nn.Parameter`` counts as one) for a tensor, an ``np.ndarray`` for an array, a real
    number for a number. Floating dtypes must match exactly (a float64 input must not come
    back as float32); integer dtypes only by kind (int32 and int64 both pass). Tolerance defaults to the
    ``torch.testing.assert_close`` defaults of the expected dtype; the test is
    ``|got - expected| <= atol + rtol * |expected|`` elementwise, and NaN never matches.
    """
    _recorder.record(name, "close", got, expected=expected, rtol=rtol, atol=atol)
    exp_kind = _kind(expected)
    got_kind = _kind(got)
    if exp_kind == "other":
        raise TypeError(f"check_close('{name}'): unsupported expected type {_type_name(expected)}")
    wanted = {"tensor": "torch.Tensor", "ndarray": "numpy.ndarray", "scalar": "number"}[exp_kind]
    if got_kind != exp_kind:
        raise CheckFailed(name, f"expected a {wanted}, got a {_type_name(got)}")
    if exp_kind in ("tensor", "ndarray") and not _same_dtype(got.dtype, expected.dtype, exp_kind):
        what = "a tensor" if exp_kind == "tensor" else "an array"
        raise CheckFailed(name, f"expected {what} of dtype {expected.dtype}, got dtype {got.dtype}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = _as_tensor(got)
        e = _as_tensor(expected)
        if tuple(g.shape) != tuple(e.shape):
            raise CheckFailed(name, f"expected shape {tuple(e.shape)}, got shape {tuple(g.shape)}")
        g64 = g.detach().to("cpu", torch.float64)
        e64 = e.detach().to("cpu", torch.float64)
        d_rtol, d_atol = default_tolerance(e.dtype if e.is_floating_point() else torch.float64)
        if exp_kind == "scalar":
            d_rtol, d_atol = 1e-7, 1e-7
        rtol = d_rtol if rtol is None else rtol
        atol = d_atol if atol is None else atol
        if g64.numel() == 0:
            return
        err = (g64 - e64).abs()
        allowed = atol + rtol * e64.abs()
        bad = ~(err <= allowed)  # NaN in err counts as bad
        both_inf = torch.isinf(g64) & torch.isinf(e64) & (torch.sign(g64) == torch.sign(e64))
        bad &= ~both_inf
        n_bad = int(bad.sum())
        if n_bad == 0:
            return
        err_for_max = torch.where(torch.isnan(err), torch.full_like(err, math.inf), err)
        err_for_max = torch.where(both_inf, torch.zeros_like(err_for_max), err_for_max)
        flat = int(torch.argmax(err_for_max.reshape(-1)))
        shape = tuple(e64.shape)
        exp_v = float(e64.reshape(-1)[flat])
        got_v = float(g64.reshape(-1)[flat])
        max_err = float(err_for_max.reshape(-1)[flat])
    where = _describe_index(flat, shape)
    count = f"{n_bad} of {e64.numel()} values differ; " if e64.numel() > 1 else ""
    raise CheckFailed(
        name,
        f"values differ beyond tolerance. {count}max abs error {max_err:.4g}{where} "
        f"(expected {exp_v:.6g}, got {got_v:.6g}); shape {shape}; "
        f"tolerance |got - expected| <= {atol:g} + {rtol:g} * |expected|",
    )


def check_true(name: str, condition: Any, message: str) -> None:
    """Check a property that is not a numeric comparison; ``message`` says what was expected."""
    ok = condition is True or (isinstance(condition, (np.bool_, torch.Tensor)) and bool(condition))
    _recorder.record(name, "true", bool(ok), message=str(message))
    if not ok:
        raise CheckFailed(name, message)


def check_at_least(name: str, got: Any, floor: float) -> None:
    """Check that the number ``got`` (an accuracy, say) is at least ``floor``."""
    _recorder.record(name, "at_least", got, floor=floor)
    if _kind(got) == "tensor" and got.numel() == 1:
        got = got.item()
    if _kind(got) != "scalar":
        raise CheckFailed(name, f"expected a number, got a {_type_name(got)}")
    value = float(got)
    if not value >= floor:
        raise CheckFailed(name, f"expected at least {floor:g}, got {value:.4g}")


def check_grad(
    name: str,
    f: Callable[[torch.Tensor], torch.Tensor],
    x: torch.Tensor,
    analytic: Any,
    *,
    h: float = 1e-6,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Check a gradient against central differences of the scalar function ``f`` at ``x`` (float64).

    ``analytic`` is the student's gradient of ``f`` at ``x``: same shape as ``x``. The default
    tolerance is ``rtol=1e-5, atol=1e-7`` for a float64 gradient (central differences with
    ``h=1e-6`` are accurate to about ``1e-9``) and ``rtol=1e-3, atol=1e-5`` otherwise.
    """
    is64 = _kind(analytic) == "tensor" and analytic.dtype == torch.float64
    rtol = (1e-5 if is64 else 1e-3) if rtol is None else rtol
    atol = (1e-7 if is64 else 1e-5) if atol is None else atol
    from course.gradcheck import numerical_gradient

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        numeric = numerical_gradient(f, x.detach().to(torch.float64), h=h)
        if _kind(analytic) == "tensor":
            numeric = numeric.to(analytic.dtype) if analytic.is_floating_point() else numeric
    check_close(name, analytic, numeric, rtol=rtol, atol=atol)
