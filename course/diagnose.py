"""Diagnoses: what a failing check's value says about the mistake behind it.

Two kinds, both used by the grader (:mod:`course.grading.diagnose`) and, for visible checks, in the
student's kernel by :mod:`course.checks`:

* **Catalogued mistakes.** A *fingerprint* is what a known wrong answer's code produces at a check it
  fails (an :func:`evidence` entry: the check's name and rule, the value's summary from
  :mod:`course.fingerprint`, and the check's tolerance). :func:`entry_matches` says whether a failing
  check's evidence matches a fingerprint; the mistake's hint then explains it. The visible checks'
  fingerprints ship with the release as ``<notebook>.hints.json`` next to the notebook (values of
  visible inputs only); :func:`visible_hint` reads them in the kernel.
* **Generic diagnoses** (:func:`generic`), from the value alone, where the evidence is unambiguous:
  NaN or infinite values where finite ones are expected, the transposed shape, a constant factor
  (−1, 2, an integer such as the batch size), right except where the expected value is exactly 0, a
  Python number where a tensor is expected (or the reverse), the wrong dtype, ``None``. Each says
  what it saw.

A diagnosis is only ever asked for a check that failed, and only fires on a match: a correct answer
never gets one.
"""

from __future__ import annotations

import json
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from course.fingerprint import same, summarise, summarise_plain, tolerance_for

__all__ = [
    "Finding",
    "STRONG_RULES",
    "entry_matches",
    "evidence",
    "generic",
    "visible_hint",
]

#: rules whose evidence is the value itself (a match on them is strong evidence of a mistake)
STRONG_RULES = ("close", "agree", "distinct", "at_least", "accuracy", "moments", "equal")


@dataclass(frozen=True)
class Finding:
    """A generic diagnosis: ``key`` names the rule that fired, ``text`` is what the student reads."""

    key: str
    text: str


# ---------------------------------------------------------------------------------------------
# evidence and fingerprints


def evidence(name: str, rule: str, got: Any, *, other: Any = None, tol: tuple[float | None, float | None] = (None, None),
             stats_tol: tuple[float, float] | None = None) -> dict:
    """The evidence entry of a check that saw ``got`` (and ``other``, for ``agree`` and ``distinct``).

    ``tol`` is the check's ``(rtol, atol)`` (None: the defaults for the value's dtype); ``stats_tol``
    the ``(mean_atol, std_atol)`` of a ``moments`` check.
    """
    entry: dict = {"check": str(name), "rule": rule}
    if rule == "type":  # the most derived class, named as the recorder names it (what the grader compares)
        entry["type"] = got.type_name if isinstance(got, _Opaque) else f"{type(got).__module__}.{type(got).__qualname__}"
        return entry
    if rule == "moments":
        t = torch.as_tensor(got).detach().to("cpu", torch.float64).reshape(-1) if not isinstance(got, _Opaque) else None
        if t is None or t.numel() < 2:
            entry["got"] = summarise(got) if t is None else {"kind": "tensor", "n": int(t.numel())}
            return entry
        entry["stats"] = [float(t.mean()), float(t.std()), int(t.numel())]
        entry["tol"] = list(stats_tol or (0.0, 0.0))
        return entry
    if rule == "equal":
        entry["got"] = summarise_plain(got) if not isinstance(got, _Opaque) else got.summary()
        return entry
    entry["got"] = summarise(got) if not isinstance(got, _Opaque) else got.summary()
    if rule in ("agree", "distinct") and other is not None:
        entry["other"] = summarise(other) if not isinstance(other, _Opaque) else other.summary()
    if entry["got"].get("kind") not in ("other", "python"):
        entry["tol"] = list(tolerance_for(entry["got"], *tol))
    return entry


class _Opaque:
    """A value known only by its type (a record of an object the recorder could not keep)."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def summary(self) -> dict:
        return {"kind": "other", "type": self.type_name}


def opaque(type_name: str) -> Any:
    """A stand-in for a value known only by its type name (``None`` for ``builtins.NoneType``)."""
    return None if type_name in ("builtins.NoneType", "NoneType") else _Opaque(type_name.removeprefix("builtins."))


def entry_matches(stored: dict, seen: dict) -> bool:
    """Does the evidence ``seen`` of a failing check match the fingerprint entry ``stored``?"""
    if stored.get("check") != seen.get("check") or stored.get("rule") != seen.get("rule"):
        return False
    rule = stored["rule"]
    if rule == "error":
        return bool(stored.get("error")) and stored.get("error") == seen.get("error")
    if rule == "not_using":
        return bool(stored.get("found")) and stored.get("found") == seen.get("found")
    if rule == "type":
        return stored.get("type") == seen.get("type")
    if rule == "moments":
        if "stats" not in stored or "stats" not in seen:
            return same(stored.get("got", {}), seen.get("got", {}))
        (m1, s1, n1), (m2, s2, n2) = stored["stats"], seen["stats"]
        mean_tol, std_tol = stored.get("tol", (0.0, 0.0))
        return n1 == n2 and abs(m1 - m2) <= mean_tol and abs(s1 - s2) <= std_tol
    got_s, got_e = stored.get("got", {}), seen.get("got", {})
    if rule == "shape":
        if got_s.get("kind") in ("other", "python"):
            return same(got_s, got_e)
        return (got_s.get("kind"), got_s.get("dtype"), got_s.get("shape")) == (
            got_e.get("kind"), got_e.get("dtype"), got_e.get("shape"))
    rtol, atol = stored.get("tol", (0.0, 0.0))
    if not same(got_s, got_e, rtol, atol):
        return False
    if "other" in stored:
        return same(stored["other"], seen.get("other", {}), rtol, atol)
    return True


def is_strong(entry: dict) -> bool:
    """Is a match on this fingerprint entry evidence of the value itself (not only its kind or shape)?"""
    if "stats" in entry:
        return True
    return entry.get("rule") in STRONG_RULES and entry.get("got", {}).get("kind") != "other"


# ---------------------------------------------------------------------------------------------
# generic diagnoses


def _kind(value: Any) -> str:
    from course.checks import _kind as kind

    return "other" if isinstance(value, _Opaque) else kind(value)


def _type_of(value: Any) -> str:
    if isinstance(value, _Opaque):
        return value.type_name
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


_WANTED = {"tensor": "a tensor", "ndarray": "a numpy array", "scalar": "a number"}


def _nice_factor(c: float) -> tuple[str, int] | None:
    """``("times", k)`` when ``c`` is (almost exactly) an integer k, ``("over", k)`` when it is 1/k."""
    if not math.isfinite(c) or c == 0:
        return None
    k = round(c)
    if k != 0 and abs(c - k) <= 1e-4 * abs(k) and abs(k) <= 100_000:
        return ("times", int(k))
    k = round(1 / c)
    if k != 0 and abs(1 / c - k) <= 1e-4 * abs(k) and abs(k) <= 100_000:
        return ("over", int(k))
    return None


def _factor_text(c: float, nice: tuple[str, int] | None) -> str:
    if nice == ("times", -1):
        return "your result is exactly −1 × the expected one: check the sign"
    if nice and nice[0] == "times" and nice[1] < 0:
        return (f"your result is exactly {nice[1]} × the expected one: check the sign, and where a factor "
                f"{-nice[1]} comes from")
    if nice == ("times", 2):
        return ("your result is exactly 2 × the expected one: look for a factor 2 too many (a term counted twice, "
                "a constant of a derivative)")
    if nice and nice[0] == "times":
        return (f"your result is exactly {nice[1]} × the expected one: a sum where a mean is asked ({nice[1]} may be "
                "the number of examples), or a division missing")
    if nice == ("over", 2):
        return ("your result is exactly half the expected one: look for a factor 2 missing (a constant of a "
                "derivative) or a division by 2 too many")
    if nice and nice[0] == "over" and nice[1] < 0:
        return (f"your result is exactly −1/{-nice[1]} × the expected one: check the sign, and a division by "
                f"{-nice[1]}")
    if nice and nice[0] == "over":
        return (f"your result is exactly 1/{nice[1]} of the expected one: a mean where a sum is asked ({nice[1]} may "
                "be the number of examples), or a division too many")
    return (f"your result is {c:.4g} × the expected one everywhere: a constant factor is off (a learning rate, "
            "a scale, a normalisation)")


def _index(flat: int, shape: tuple[int, ...]) -> str:
    if not shape:
        return ""
    import numpy as np

    return " at index " + str(tuple(int(i) for i in np.unravel_index(flat, shape)))


def _positions(mask: torch.Tensor, shape: tuple) -> tuple[int, int, str]:
    """The first flat index and the number of the True entries of ``mask``, and where they are in words
    ("at index (0, 2)", or "the first at index (0, 2)" for several)."""
    first, n = int(torch.nonzero(mask)[0]), int(mask.sum())
    return first, n, (_index(first, shape).strip() if n == 1 else "the first" + _index(first, shape))


def _values_findings(g: torch.Tensor, e: torch.Tensor, rtol: float, atol: float) -> Finding | None:
    """Findings on two float64 tensors of the same shape (``g`` the student's, ``e`` the expected)."""
    shape = tuple(e.shape)
    gf, ef = g.reshape(-1), e.reshape(-1)
    finite_e = torch.isfinite(ef)
    nan = torch.isnan(gf) & finite_e
    if bool(nan.any()):
        _, n, where = _positions(nan, shape)
        what = (f"your result has {n} NaN value{'s' if n > 1 else ''} where the expected values are finite ({where})"
                if shape else "your result is NaN where a finite value is expected")
        return Finding("nan", f"{what}: an overflow (exp of a large number is inf, "
                              "and inf − inf or inf / inf is NaN), or a log or square root of 0 or of a negative number")
    inf = torch.isinf(gf) & finite_e
    if bool(inf.any()):
        first, n, where = _positions(inf, shape)
        what = (f"your result has {n} infinite value{'s' if n > 1 else ''} where the expected values are finite "
                f"({where}, expected {float(ef[first]):.4g})" if shape else
                f"your result is {float(gf[0])} where {float(ef[0]):.4g} is expected")
        return Finding("inf", f"{what}: an "
                              "overflow (exp of a large number), a log of 0 or a division by 0")
    if not bool(finite_e.all()):
        return None
    if bool((gf == 0).all()) and bool((ef != 0).any()):
        return Finding("zeros", "your result is all zeros where the expected values are not: is a computation "
                                "missing, or a tensor left as it was created?")
    nonzero = ef != 0
    if bool(nonzero.any()) and bool(torch.isfinite(gf).all()):
        c = float((gf * ef)[nonzero].sum() / (ef * ef)[nonzero].sum())
        scaled = c * ef
        fits = bool(((gf - scaled).abs() <= (atol + rtol * ef.abs()) * max(1.0, abs(c))).all())
        if fits and abs(c - 1) > 1e-3 and c != 0:
            nice = _nice_factor(c)
            single = int(nonzero.sum()) < 2  # one value fits every factor: only the common slips (−1, 2, 1/2) say something
            if not single or nice in (("times", -1), ("times", 2), ("over", 2)):
                return Finding(f"factor:{nice[0]}{nice[1]}" if nice else "factor", _factor_text(c, nice))
    bad = ~((gf - ef).abs() <= atol + rtol * ef.abs())
    n_bad = int(bad.sum())
    if 0 < n_bad <= max(1, gf.numel() // 4):  # a few positions only: an edge case, not a different function
        if bool((ef[bad] == 0).all()):
            first = int(torch.nonzero(bad)[0])
            where = "position where the expected value is" if n_bad == 1 else f"{n_bad} positions where the expected value is"
            return Finding("at_zero", f"your result is right except at the {where} exactly 0 (there you give "
                                      f"{float(gf[first]):.4g}{_index(first, shape)}): check the case where the result "
                                      "must be 0 (an input of exactly 0? `>` or `>=`?)")
        if bool((gf[bad] == 0).all()):
            first = int(torch.nonzero(bad)[0])
            where = "position where you give" if n_bad == 1 else f"{n_bad} positions where you give"
            return Finding("at_zero", f"your result is right except at the {where} exactly 0 (expected "
                                      f"{float(ef[first]):.4g}{_index(first, shape)}): check why your code gives 0 "
                                      "there (`>` where `>=` is meant? a mask or a clamp?)")
    return None


def _a(word: str) -> str:
    """``word`` with its indefinite article: "an int", "a float"."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def _as64(value: Any) -> torch.Tensor:
    from course.checks import _as_tensor

    return _as_tensor(value).detach().to("cpu", torch.float64)


def _close_findings(got: Any, expected: Any, rtol: float | None, atol: float | None) -> Finding | None:
    gk, ek = _kind(got), _kind(expected)
    if ek == "other":
        return None
    if got is None:
        return Finding("none", f"your code gave None where {_WANTED[ek]} is expected: is a `return` missing?")
    if gk != ek:
        if ek in ("tensor", "ndarray") and gk == "scalar":
            return Finding("number_for_tensor", f"you gave a Python number ({_type_of(got)}) where {_WANTED[ek]} is "
                                                "expected: keep the result a tensor (no `.item()`, `float()` or "
                                                "`int()` on it)")
        if ek == "scalar" and gk in ("tensor", "ndarray"):
            return Finding("tensor_for_number", f"you gave {_WANTED[gk]} where a Python number is expected: turn a "
                                                "one-element tensor into a number with `.item()`")
        if {ek, gk} == {"tensor", "ndarray"}:
            return Finding("library", f"you gave {_WANTED[gk]} where {_WANTED[ek]} is expected")
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g, e = _as64(got), _as64(expected)
        from course.checks import default_tolerance

        e_dtype = expected.dtype if ek == "tensor" else None
        if ek == "scalar":
            d_rtol, d_atol = 1e-7, 1e-7
        else:
            d_rtol, d_atol = tolerance_for(summarise(expected)) if e_dtype is None else default_tolerance(
                e_dtype if e_dtype.is_floating_point else torch.float64)
        rtol = d_rtol if rtol is None else rtol
        atol = d_atol if atol is None else atol
        if ek in ("tensor", "ndarray") and str(got.dtype) != str(expected.dtype):
            right = tuple(g.shape) == tuple(e.shape) and bool(((g - e).abs() <= atol + rtol * e.abs()).all())
            gd, ed = str(got.dtype).removeprefix("torch."), str(expected.dtype).removeprefix("torch.")
            if right:
                return Finding("dtype", f"your values are right, but their dtype is {gd} where {ed} is expected: look "
                                        f"for where {gd} comes in (a numpy array, a `dtype=` argument, a conversion)")
            return Finding("dtype", f"your result has dtype {gd} where {ed} is expected: look for where {gd} comes in "
                                    "(a numpy array, a `dtype=` argument, a conversion)")
        gs, es = tuple(g.shape), tuple(e.shape)
        if gs != es:
            if len(es) == 2 and gs == es[::-1] and es[0] != es[1]:
                if bool(((g.T - e).abs() <= atol + rtol * e.abs()).all()):
                    return Finding("transposed", f"your result is the transpose of the expected one (shape {gs} "
                                                 f"instead of {es}): check the order of the operands of a matrix "
                                                 "product, or a transpose too many or missing")
                return Finding("transposed", f"your result has shape {gs}, the transpose of the expected {es}: check "
                                             "the order of the operands of a matrix product, or a transpose")
            if g.numel() == e.numel() and g.numel() > 0:
                if bool(((g.reshape(es) - e).abs() <= atol + rtol * e.abs()).all()):
                    return Finding("reshape", f"your values are right, but the shape is {gs} instead of {es}: a "
                                              "dimension kept or dropped (`keepdim`, `squeeze`, `reshape`)?")
            return None
        if g.numel() == 0:
            return None
        return _values_findings(g, e, rtol, atol)


def _equal_findings(got: Any, expected: Any) -> Finding | None:
    if got is None and expected is not None:
        return Finding("none", "your code gave None where a value is expected: is a `return` missing?")
    number = (bool, int, float)
    if type(expected) in number and (_kind(got) in ("tensor", "ndarray") or (
            isinstance(got, _Opaque) and ("Tensor" in got.type_name or "ndarray" in got.type_name))):
        return Finding("tensor_for_number", f"you gave {_a(_type_of(got))} where a Python {type(expected).__name__} "
                                            "is expected: turn a one-element tensor into a number with `.item()`")
    if isinstance(got, _Opaque):
        return None
    if type(got) in number and type(expected) in number and type(got) is not type(expected):
        if float(got) == float(expected):
            return Finding("number_type", f"your value {got!r} is right, but {_a(type(got).__name__)} where "
                                          f"{_a(type(expected).__name__)} is expected")
        return None
    if type(got) in (int, float) and type(got) is type(expected) and got == -expected and got != 0:
        return Finding("factor:times-1", _factor_text(-1.0, ("times", -1)))
    return None


def generic(rule: str, got: Any, expected: Any = None, *, rtol: float | None = None, atol: float | None = None,
            types: list[str] | None = None, shape: list[int] | None = None) -> Finding | None:
    """A generic diagnosis of a failing check from its value alone (None: no unambiguous finding).

    ``close`` and ``agree`` compare ``got`` with ``expected`` (``agree``: the other value), ``equal``
    plain values; ``type`` gets the expected type names, ``shape`` the expected shape.
    """
    try:
        if rule in ("close", "agree"):
            return _close_findings(got, expected, rtol, atol)
        if rule == "equal":
            return _equal_findings(got, expected)
        if rule == "type":
            if got is None:
                return Finding("none", "your code gave None where a value is expected: is a `return` missing?")
            wanted = " or ".join(t.rsplit(".", 1)[-1] for t in types or [])
            if _kind(got) == "scalar" and any("Tensor" in t or "Parameter" in t for t in types or []):
                return Finding("number_for_tensor", f"you gave a Python number ({_type_of(got)}) where a {wanted} is "
                                                    "expected: keep the result a tensor")
            return None
        if rule == "shape" and shape is not None:
            if got is None:
                return Finding("none", "your code gave None where a tensor is expected: is a `return` missing?")
            if _kind(got) in ("tensor", "ndarray"):
                gs, es = tuple(int(s) for s in got.shape), tuple(int(s) for s in shape)
                if len(es) == 2 and gs == es[::-1] and es[0] != es[1]:
                    return Finding("transposed", f"your result has shape {gs}, the transpose of the expected {es}: "
                                                 "check the order of the dimensions (rows, columns)")
            return None
    except Exception:
        return None
    return None


# ---------------------------------------------------------------------------------------------
# in the student's kernel: the visible checks' catalogued mistakes, shipped with the release

_INDEX: dict[str, tuple[float, dict[str, list[tuple[dict, str]]]]] = {}


def _hints_index(folder: Path) -> dict[str, list[tuple[dict, str]]]:
    """Check name -> [(fingerprint entry, hint)] from every ``*.hints.json`` in ``folder`` (cached).

    A weak entry (a kind, a shape, a type) is kept only when it is all its mistake's fingerprint in
    that cell: a check failing alone is seen one at a time here, so a partial weak match would name a
    mistake on too little evidence (the grader, which sees the whole cell, turns such matches down too).
    """
    index: dict[str, list[tuple[dict, str]]] = {}
    for path in sorted(folder.glob("*.hints.json")):
        try:
            stamp = path.stat().st_mtime
            cached = _INDEX.get(str(path))
            if cached is None or cached[0] != stamp:
                data = json.loads(path.read_text(encoding="utf-8")) if path.stat().st_size < 20 * 2**20 else {}
                one: dict[str, list[tuple[dict, str]]] = {}
                for mistake in (data.get("mistakes") or {}).values():
                    for entries in (mistake.get("cells") or {}).values():
                        for entry in entries:
                            if len(entries) == 1 or is_strong(entry):
                                one.setdefault(str(entry.get("check")), []).append((entry, str(mistake.get("hint", ""))))
                _INDEX[str(path)] = cached = (stamp, one)
        except (OSError, ValueError, AttributeError, TypeError):
            continue
        for name, items in cached[1].items():
            index.setdefault(name, []).extend(items)
    return index


def catalogue_hint(seen: dict, folder: Path | None = None) -> str | None:
    """The hint of the catalogued mistake whose visible fingerprint matches ``seen`` (None if none,
    or if mistakes with different hints match equally)."""
    items = _hints_index(folder or Path(os.getcwd())).get(seen["check"], [])
    hints = {hint for entry, hint in items if hint and entry_matches(entry, seen)}
    return hints.pop() if len(hints) == 1 else None


def visible_hint(name: str, rule: str, got: Any, expected: Any = None, *, other: Any = None, rtol: float | None = None,
                 atol: float | None = None, **params: Any) -> str | None:
    """The hint for a visible check that just failed in the kernel: a catalogued mistake's, else a
    generic diagnosis, else None. Never raises."""
    if os.environ.get("COURSE_RECORD_DIR"):
        return None  # being graded: the grader diagnoses every check outside the kernel
    try:
        tol = (rtol, atol)
        if rule == "moments":
            seen = evidence(name, rule, got, stats_tol=(params.get("mean_atol", 0.0), 0.0))
        else:
            seen = evidence(name, rule, got, other=other, tol=tol)
        hint = catalogue_hint(seen)
        if hint:
            return hint
        finding = generic(rule, got, other if rule == "agree" else expected, rtol=rtol, atol=atol,
                          types=params.get("types"), shape=params.get("shape"))
        return finding.text if finding else None
    except Exception:
        return None


_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")


def error_text(ename: str, evalue: str) -> str:
    """An error's text as fingerprints store it (memory addresses blanked, at most 300 characters)."""
    return _ADDRESS.sub("0x…", f"{ename}: {evalue}".strip())[:300]
