"""Records what the check helpers saw, for the trusted verdict of :mod:`course.grading.verdict`.

Outside grading this is a no-op: nothing is written unless ``COURSE_RECORD_DIR`` is set (the
grader sets it for each kernel it starts, to a folder it empties after every cell).

Each call of a check helper writes one file ``<pid>-<seq>.pt`` (``torch.save`` of a dict of plain
values and tensors, written as a temporary file then renamed): the check's name and rule, the value
under test encoded by :func:`encode`, and the check's parameters (the expected value, tolerances,
floor, shape or types). The grader loads these files outside the student's kernel with
``torch.load(weights_only=True)`` and re-judges them against the instructor's reference.

If a record cannot be written, the check raises :class:`RecordingFailed`, so that cell fails in
the kernel too and the grader reports the record as MISSING (never as tampering).
"""

from __future__ import annotations

import itertools
import os
from typing import Any

import numpy as np
import torch

__all__ = ["RecordingFailed", "encode", "record", "suspended"]

#: values with more elements than this are recorded without their data (and cannot pass)
MAX_ELEMENTS = 20_000_000

_seq = itertools.count()
_suspended = 0


class suspended:  # noqa: N801  (a context manager used like a function)
    """``with suspended():`` checks run without recording (the grader re-judging records)."""

    def __enter__(self) -> None:
        global _suspended
        _suspended += 1

    def __exit__(self, *exc: object) -> None:
        global _suspended
        _suspended -= 1


class RecordingFailed(RuntimeError):
    """The grader could not record a check (the cell then counts as failed, reported MISSING)."""


def _mro_names(value: Any) -> list[str]:
    return [f"{c.__module__}.{c.__qualname__}" for c in type(value).__mro__]


def encode(value: Any, *, plain: bool = False) -> dict:
    """A ``torch.save``-able description of ``value`` from which a grader can rebuild it.

    ``kind`` is ``tensor``, ``ndarray``, ``scalar``, ``python`` (with ``plain``: a plain Python value,
    see :func:`course.checks.plain_form`) or ``other``; ``type`` the names of its classes (most derived
    first); ``value`` a CPU tensor copy or the plain value (``None`` for ``other`` or a value over
    :data:`MAX_ELEMENTS`); ``dtype`` the numpy dtype or Python scalar type to rebuild.
    """
    from course.checks import _kind, plain_form  # the same classification as the checks

    if plain:
        out = {"kind": "other", "type": _mro_names(value), "value": None, "dtype": ""}
        try:
            plain_form(value)
        except (TypeError, RecursionError):
            return out
        return {**out, "kind": "python", "value": _as_lists(value)}
    kind = _kind(value)
    out: dict = {"kind": kind, "type": _mro_names(value), "value": None, "dtype": ""}
    if kind == "tensor":
        with torch._C.DisableTorchFunctionSubclass():
            plain = value.detach().as_subclass(torch.Tensor)
            if plain.numel() <= MAX_ELEMENTS:
                # clone: a view would save its whole storage
                out["value"] = plain.to("cpu").clone().contiguous()
    elif kind == "ndarray":
        out["dtype"] = value.dtype.str
        if value.size <= MAX_ELEMENTS and value.dtype.kind in "biufc":
            out["value"] = torch.from_numpy(np.array(value, copy=True))
    elif kind == "scalar":
        if isinstance(value, (bool, np.bool_)):
            out["dtype"] = "bool" if isinstance(value, bool) else np.dtype(type(value)).str
            out["value"] = torch.tensor(bool(value))
        elif isinstance(value, (int, np.integer)):
            out["dtype"] = "int" if isinstance(value, int) else np.dtype(type(value)).str
            out["value"] = torch.tensor(int(value), dtype=torch.int64) if -(2**63) <= int(value) < 2**63 else None
        else:
            out["dtype"] = "float" if isinstance(value, float) else np.dtype(type(value)).str
            out["value"] = torch.tensor(float(value), dtype=torch.float64)
    return out


def _as_lists(value: Any) -> Any:
    """A plain value with its tuples made lists (the form a record stores)."""
    if type(value) in (list, tuple):
        return [_as_lists(v) for v in value]
    if type(value) is dict:
        return {k: _as_lists(v) for k, v in value.items()}
    return value


def record(name: str, rule: str, value: Any, **params: Any) -> None:
    """Record ``value`` under check ``name`` with the check's ``params`` (no-op unless grading)."""
    folder = os.environ.get("COURSE_RECORD_DIR")
    if not folder or _suspended:
        return
    try:
        plain = rule == "equal"
        entry = {"name": str(name), "rule": rule, "got": encode(value, plain=plain), "params": _params(params, plain)}
        stem = f"{os.getpid()}-{next(_seq):06d}"
        tmp = os.path.join(folder, f".{stem}.tmp")
        torch.save(entry, tmp)
        os.replace(tmp, os.path.join(folder, f"{stem}.pt"))
    except Exception as exc:
        raise RecordingFailed(f"the grader could not record check '{name}': {type(exc).__name__}: {exc}") from None


#: parameters that hold a value (encoded like the value under test)
VALUE_PARAMS = ("expected", "labels", "other")


def _params(params: dict[str, Any], plain: bool) -> dict:
    out: dict = {}
    for key, value in params.items():
        if key in VALUE_PARAMS:
            out[key] = None if value is None else encode(value, plain=plain)
        elif key == "types":
            out[key] = [f"{t.__module__}.{t.__qualname__}" for t in value]
        elif key == "shape":
            out[key] = [int(s) for s in value]
        elif key == "forbidden":
            out[key] = [str(v) for v in value]
        elif value is None or isinstance(value, (bool, int, float, str)):
            out[key] = value
        else:
            out[key] = float(value)
    return out
