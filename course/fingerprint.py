"""Fingerprints: a compact, comparable summary of a value a check saw.

A catalogued wrong answer (``tests/answers/``) is recognised by the values its code produces at the
checks it fails. Those values are stored as *summaries* (:func:`summarise`): kind, dtype and shape,
up to :data:`SAMPLE` values at fixed positions, the sum and absolute sum, the counts of NaN and
infinite values, and for integer data a hash of all of it. :func:`same` says whether a value's
summary matches a stored one within a tolerance (the check's own): every sampled value within
``atol + rtol * |stored|``, NaN where NaN, the same infinities, and the sums within the bound that
elementwise agreement implies. Integer and boolean data and plain Python values match exactly.

The summaries are plain JSON data (``json.dumps`` with NaN and infinities allowed), the same whether
made from a live value in the student's kernel or from a record the grader loaded.
"""

from __future__ import annotations

import hashlib
import math
import warnings
from typing import Any

import numpy as np
import torch

__all__ = ["SAMPLE", "positions", "same", "summarise", "summarise_plain", "tolerance_for"]

#: how many values of a tensor a summary keeps
SAMPLE = 48
_GOLDEN = 0.6180339887498949


def positions(n: int) -> list[int]:
    """The flat positions a summary samples in a value of ``n`` elements: all of them up to
    :data:`SAMPLE`, else :data:`SAMPLE` well spread ones (the same for every value of that size)."""
    if n <= SAMPLE:
        return list(range(n))
    return sorted({int(((k * _GOLDEN) % 1.0) * n) for k in range(SAMPLE)} | {0, n - 1})


def _type_name(value: Any) -> str:
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _digest(text: str | bytes) -> str:
    data = text.encode() if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()[:16]


def summarise_plain(value: Any) -> dict:
    """The summary of a plain Python value (what ``check_equal`` compares), or of another object."""
    from course.checks import plain_form

    try:
        form = plain_form(value)
    except (TypeError, RecursionError):
        return {"kind": "other", "type": _type_name(value)}
    return {"kind": "python", "type": _type_name(value), "sha": _digest(repr(form))}


def summarise(value: Any) -> dict:
    """The summary of a tensor, array or number (anything else: its kind and type only)."""
    from course.checks import _kind

    kind = _kind(value)
    if kind == "other":
        return {"kind": "other", "type": _type_name(value)}
    with warnings.catch_warnings(), torch._C.DisableTorchFunctionSubclass():
        warnings.simplefilter("ignore")
        if kind == "tensor":
            t = value.detach().as_subclass(torch.Tensor).to("cpu")
            dtype = str(t.dtype)
        elif kind == "ndarray":
            if value.dtype.kind not in "biuf":
                return {"kind": "other", "type": f"numpy.ndarray of {value.dtype}"}
            t = torch.from_numpy(np.ascontiguousarray(value))
            dtype = value.dtype.str
        else:
            t = torch.tensor(float(value), dtype=torch.float64)
            dtype = type(value).__name__ if type(value) in (bool, int, float) else np.dtype(type(value)).str
            if isinstance(value, (bool, int, np.bool_, np.integer)):
                t = torch.tensor(int(value), dtype=torch.int64) if abs(int(value)) < 2**62 else t
        if t.is_complex():
            return {"kind": "other", "type": f"{kind} of {dtype}"}
        exact = not t.is_floating_point()
        flat = t.reshape(-1)
        out: dict = {"kind": kind, "dtype": dtype, "shape": [int(s) for s in t.shape], "n": int(flat.numel())}
        if exact:
            ints = flat.to(torch.int64)
            out["sha"] = _digest(ints.numpy().tobytes())
            f64 = ints.to(torch.float64)
        else:
            f64 = flat.to(torch.float64)
        idx = positions(out["n"])
        out["v"] = [float(f64[i]) for i in idx]
        finite = torch.isfinite(f64)
        out["nan"] = int(torch.isnan(f64).sum())
        out["posinf"] = int((f64 == math.inf).sum())
        out["neginf"] = int((f64 == -math.inf).sum())
        kept = f64[finite]
        out["sum"] = float(kept.sum()) if kept.numel() else 0.0
        out["asum"] = float(kept.abs().sum()) if kept.numel() else 0.0
    return out


def tolerance_for(summary: dict, rtol: float | None = None, atol: float | None = None) -> tuple[float, float]:
    """``(rtol, atol)``: the given ones, else :func:`course.checks.judge_close`'s defaults for the
    summary's dtype (exact for integer data)."""
    from course.checks import default_tolerance

    if rtol is not None and atol is not None:
        return float(rtol), float(atol)
    dtype = summary.get("dtype", "")
    if summary.get("kind") == "scalar":
        d = (1e-7, 1e-7)
    elif dtype.startswith("torch."):
        d = default_tolerance(getattr(torch, dtype.removeprefix("torch."), torch.float64))
    else:
        try:
            nd = np.dtype(dtype)
        except TypeError:
            nd = None
        if nd is not None and nd.kind == "f":
            d = default_tolerance({2: torch.float16, 4: torch.float32}.get(nd.itemsize, torch.float64))
        else:
            d = (0.0, 0.0)
    return (d[0] if rtol is None else float(rtol)), (d[1] if atol is None else float(atol))


def _close(got: float, stored: float, rtol: float, atol: float) -> bool:
    if math.isnan(stored) or math.isnan(got):
        return math.isnan(stored) and math.isnan(got)
    if math.isinf(stored) or math.isinf(got):
        return got == stored
    return abs(got - stored) <= atol + rtol * abs(stored)


def same(stored: dict, got: dict, rtol: float = 0.0, atol: float = 0.0) -> bool:
    """Does the summary ``got`` match the ``stored`` one within ``rtol`` and ``atol``?"""
    if not isinstance(stored, dict) or not isinstance(got, dict) or stored.get("kind") != got.get("kind"):
        return False
    kind = stored["kind"]
    if kind == "other":
        return stored.get("type") == got.get("type")
    if kind == "python":
        return stored.get("sha") == got.get("sha")  # (a record keeps tuples as lists: the type may differ)
    if (stored.get("dtype"), stored.get("shape"), stored.get("n")) != (got.get("dtype"), got.get("shape"), got.get("n")):
        return False
    if "sha" in stored or "sha" in got:
        return stored.get("sha") == got.get("sha")
    if any(stored.get(k) != got.get(k) for k in ("nan", "posinf", "neginf")):
        return False
    sv, gv = stored.get("v", []), got.get("v", [])
    if len(sv) != len(gv) or not all(_close(g, s, rtol, atol) for g, s in zip(gv, sv)):
        return False
    n = int(stored.get("n", 0))
    bound = n * atol + rtol * float(stored.get("asum", 0.0))
    return abs(float(got.get("sum", 0.0)) - float(stored.get("sum", 0.0))) <= bound + 1e-9 * (float(stored.get("asum", 0.0)) + 1)
