"""Check helpers: every graded comparison in the course goes through these.

Each helper takes a ``name`` (unique within a test cell, e.g. ``"linear.backward.dW"``) and the value
the student's code produced. On failure it raises :class:`CheckFailed` with a message that says what
was checked and what differed (type, shape, max abs error, tolerance), never a bare ``AssertionError``.

**Visible and hidden checks.** A visible test gives the expected value: ``check_close("relu.small",
relu(x), expected)`` is judged right away, in the student's kernel. A hidden test does not: it gives
only the student's value, ``check_close("relu.hidden.3d", relu(x))``, and the expected value is the
:data:`REFERENCE`: what the instructor's solution produced for the same check, which only the grader
holds (in the manifest of :mod:`course.grading.verdict`). So no expected value of a hidden check, and
no reference implementation, ever exists in the student's kernel.

**Recorded, then judged outside.** When grading, every call also records the value under test
(:mod:`course._recorder`); the grader re-judges each record outside the student's kernel, with the
rule and parameters of the instructor's run, whatever the kernel printed.

The helpers never call ``==`` on the student's object: they check the exact type first and then
compare real ``torch`` tensors, so an object with an always-true ``__eq__`` cannot pass. Warnings
raised while comparing are swallowed (a graded cell that writes to stderr scores zero under nbgrader).

The judging rules (:data:`RULES`) are plain functions of the value and the check's parameters, used
in the kernel and by the grader alike.
"""

from __future__ import annotations

import inspect
import math
import textwrap
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import torch

from course import _recorder

__all__ = [
    "REFERENCE",
    "CheckFailed",
    "check_type",
    "check_shape",
    "check_close",
    "check_equal",
    "check_at_least",
    "check_accuracy",
    "check_moments",
    "check_agree",
    "check_distinct",
    "check_grad",
    "check_not_using",
    "default_tolerance",
]


class _Reference:
    """The instructor's answer for this check: held by the grader, never by the student's kernel."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REFERENCE"


#: the expected value of a hidden check: what the instructor's solution produced (see the module)
REFERENCE = _Reference()


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
    """Dtypes must match exactly: float32 is not float64, int32 is not int64."""
    if kind == "tensor":
        return got == expected
    return np.dtype(got) == np.dtype(expected)


# ---------------------------------------------------------------------------------------------
# the rules: each raises CheckFailed or returns None; used in the kernel and by the grader


def judge_close(name: str, got: Any, expected: Any, rtol: float | None = None, atol: float | None = None) -> None:
    """``got`` of the kind, dtype and shape of ``expected``, values within tolerance (see check_close)."""
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
    where = ""
    if shape:
        where = " at index " + str(tuple(int(i) for i in np.unravel_index(flat, shape)))
    count = f"{n_bad} of {e64.numel()} values differ; " if e64.numel() > 1 else ""
    raise CheckFailed(
        name,
        f"values differ beyond tolerance. {count}max abs error {max_err:.4g}{where} "
        f"(expected {exp_v:.6g}, got {got_v:.6g}); shape {shape}; "
        f"tolerance |got - expected| <= {atol:g} + {rtol:g} * |expected|",
    )


_PLAIN = (bool, int, float, str, type(None))


def plain_form(value: Any, _depth: int = 0) -> Any:
    """A canonical, type-strict form of a plain Python value (bool, int, float, str, None, and lists,
    tuples and str-keyed dicts of them), or raise TypeError. Tuples and lists are the same sequence."""
    if _depth > 8:
        raise TypeError("nested too deeply")
    t = type(value)
    if t in _PLAIN:
        return (t.__name__, value)
    if t in (list, tuple):
        if len(value) > 100_000:
            raise TypeError("too long")
        return ("seq", tuple(plain_form(v, _depth + 1) for v in value))
    if t is dict:
        if not all(type(k) is str for k in value):
            raise TypeError("a dict whose keys are not all str")
        return ("dict", tuple(sorted((k, plain_form(v, _depth + 1)) for k, v in value.items())))
    raise TypeError(f"a {_type_name(value)}")


def _short(value: Any, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def judge_equal(name: str, got: Any, expected: Any, message: str = "") -> None:
    """``got`` equal to ``expected``, type for type (``True`` is not ``1``, ``1`` is not ``1.0``)."""
    try:
        g = plain_form(got)
    except TypeError:
        raise CheckFailed(name, (message + " " if message else "") + f"(expected {_short(expected)}, got a {_type_name(got)})") from None
    if g != plain_form(expected):
        raise CheckFailed(name, (message + " " if message else "") + f"(expected {_short(expected)}, got {_short(got)})")


def judge_shape(name: str, got: Any, shape: Sequence[int]) -> None:
    """``got`` a tensor or array of exactly ``shape``."""
    if _kind(got) not in ("tensor", "ndarray"):
        raise CheckFailed(name, f"expected a tensor or array of shape {tuple(shape)}, got a {_type_name(got)}")
    got_shape = tuple(int(s) for s in got.shape)
    if got_shape != tuple(int(s) for s in shape):
        raise CheckFailed(name, f"expected shape {tuple(shape)}, got shape {got_shape}")


def judge_at_least(name: str, got: Any, floor: float) -> None:
    """``got`` a number (or a one-element tensor) of at least ``floor``."""
    if _kind(got) == "tensor" and got.numel() == 1:
        got = got.item()
    if _kind(got) != "scalar":
        raise CheckFailed(name, f"expected a number, got a {_type_name(got)}")
    value = float(got)
    if not value >= floor:
        raise CheckFailed(name, f"expected at least {floor:g}, got {value:.4g}")


def _labels(name: str, value: Any, what: str) -> torch.Tensor:
    if _kind(value) not in ("tensor", "ndarray"):
        raise CheckFailed(name, f"expected the {what} as a tensor or array of class indices, got a {_type_name(value)}")
    t = _as_tensor(value)
    if t.is_floating_point() or t.is_complex() or t.dtype == torch.bool:
        raise CheckFailed(name, f"expected the {what} as integer class indices, got dtype {t.dtype}")
    return t.reshape(-1).to("cpu", torch.int64)


def judge_accuracy(name: str, got: Any, labels: Any, floor: float) -> None:
    """The fraction of predicted class indices ``got`` equal to ``labels``, at least ``floor``."""
    pred = _labels(name, got, "predictions")
    truth = _labels(name, labels, "labels")
    if pred.shape != truth.shape:
        raise CheckFailed(name, f"expected {truth.numel()} predictions, got {pred.numel()}")
    accuracy = float((pred == truth).double().mean()) if truth.numel() else 0.0
    if not accuracy >= floor:
        raise CheckFailed(name, f"accuracy {accuracy:.4f} on {truth.numel()} examples is below {floor:g}")


def judge_moments(
    name: str, got: Any, mean: float, std: float, mean_atol: float, std_rtol: float, min_count: int = 1000
) -> None:
    """The sample mean and standard deviation of the entries of ``got`` near ``mean`` and ``std``."""
    if _kind(got) not in ("tensor", "ndarray"):
        raise CheckFailed(name, f"expected a tensor, got a {_type_name(got)}")
    t = _as_tensor(got).detach().to("cpu", torch.float64).reshape(-1)
    if t.numel() < min_count:
        raise CheckFailed(name, f"expected at least {min_count} values, got {t.numel()}")
    m, s = float(t.mean()), float(t.std())
    if not abs(m - mean) <= mean_atol:
        raise CheckFailed(name, f"the values should have mean {mean:g} (within {mean_atol:g}); their mean is {m:.4g}")
    if not abs(s - std) <= std_rtol * abs(std):
        raise CheckFailed(name, f"the values should have standard deviation {std:g} (within {100 * std_rtol:g}%); "
                                f"theirs is {s:.4g}")


def judge_distinct(name: str, got: Any, other: Any, message: str = "") -> None:
    """Two tensors of the same shape that are not equal (two independent random draws, say)."""
    if _kind(got) not in ("tensor", "ndarray") or _kind(other) not in ("tensor", "ndarray"):
        raise CheckFailed(name, f"expected two tensors, got a {_type_name(got)} and a {_type_name(other)}")
    a, b = _as_tensor(got), _as_tensor(other)
    if tuple(a.shape) == tuple(b.shape) and bool(torch.equal(a.to("cpu", torch.float64), b.to("cpu", torch.float64))):
        raise CheckFailed(name, message or "the two values are identical")


#: rule name -> judge(name, got, **params); "type" and "not_using" are judged by their own code
RULES: dict[str, Callable[..., None]] = {
    "close": judge_close,
    "equal": judge_equal,
    "shape": judge_shape,
    "at_least": judge_at_least,
    "accuracy": judge_accuracy,
    "moments": judge_moments,
    "agree": lambda name, got, other, rtol=None, atol=None: judge_close(name, got, other, rtol, atol),
    "distinct": judge_distinct,
}


# ---------------------------------------------------------------------------------------------
# the checks


def _with_hint(exc: CheckFailed, rule: str, got: Any, **params: Any) -> CheckFailed:
    """``exc`` with a hint after its message when :func:`course.diagnose.visible_hint` recognises the
    mistake (a catalogued one shipped with the notebook, or a generic diagnosis of the value)."""
    from course.diagnose import visible_hint

    hint = visible_hint(exc.check_name, rule, got, **params)
    if hint:
        exc.args = (f"{exc.args[0]}\nHint: {hint[:1].upper()}{hint[1:]}",)
    return exc


def check_type(name: str, got: Any, expected_type: type | tuple[type, ...]) -> None:
    """Check that ``got`` is an instance of ``expected_type`` (e.g. ``torch.Tensor``, ``nn.Parameter``)."""
    types = expected_type if isinstance(expected_type, tuple) else (expected_type,)
    _recorder.record(name, "type", got, types=types)
    if not isinstance(got, types):
        names = " or ".join(t.__name__ for t in types)
        exc = CheckFailed(name, f"expected a {names}, got a {_type_name(got)}")
        raise _with_hint(exc, "type", got, types=[f"{t.__module__}.{t.__qualname__}" for t in types])


def check_shape(name: str, got: Any, shape: Sequence[int]) -> None:
    """Check that ``got`` is a tensor or array of exactly ``shape``."""
    _recorder.record(name, "shape", got, shape=shape)
    try:
        judge_shape(name, got, shape)
    except CheckFailed as exc:
        raise _with_hint(exc, "shape", got, shape=list(shape)) from None


def check_close(
    name: str,
    got: Any,
    expected: Any = REFERENCE,
    *,
    rtol: float | None = None,
    atol: float | None = None,
) -> None:
    """Check that ``got`` has the type and shape of ``expected`` and values within tolerance.

    ``got`` must be of the same kind as ``expected``: a ``torch.Tensor`` (an ``nn.Parameter`` counts
    as one) for a tensor, an ``np.ndarray`` for an array, a real number for a number. Dtypes must match
    exactly (a float64 input must not come back as float32, an int64 result not as int32). Tolerance
    defaults to the ``torch.testing.assert_close`` defaults of the expected dtype; the test is
    ``|got - expected| <= atol + rtol * |expected|`` elementwise, and NaN never matches.

    Without ``expected`` (a hidden check) the expected value is the :data:`REFERENCE`: the grader
    compares ``got`` with the instructor's value; nothing is judged in the kernel.
    """
    hidden = expected is REFERENCE
    _recorder.record(name, "close", got, expected=None if hidden else expected, rtol=rtol, atol=atol, visible=not hidden)
    if not hidden:
        try:
            judge_close(name, got, expected, rtol, atol)
        except CheckFailed as exc:
            raise _with_hint(exc, "close", got, expected=expected, rtol=rtol, atol=atol) from None


def check_equal(name: str, got: Any, expected: Any = REFERENCE, *, message: str = "") -> None:
    """Check that the plain Python value ``got`` (bool, int, float, str, None, or lists, tuples and
    dicts of them) equals ``expected``, type for type: ``True`` is not ``1``, ``2`` is not ``2.0``.

    ``message`` says, in words, what was expected (it starts the failure message). Without
    ``expected`` (a hidden check) the grader compares with the instructor's value.
    """
    hidden = expected is REFERENCE
    _recorder.record(name, "equal", got, expected=None if hidden else expected, message=str(message), visible=not hidden)
    if not hidden:
        try:
            judge_equal(name, got, expected, str(message))
        except CheckFailed as exc:
            raise _with_hint(exc, "equal", got, expected=expected) from None


def check_at_least(name: str, got: Any, floor: float) -> None:
    """Check that the number ``got`` (a loss reduction, say) is at least ``floor``."""
    _recorder.record(name, "at_least", got, floor=float(floor))
    judge_at_least(name, got, float(floor))


def check_accuracy(name: str, predictions: Any, labels: Any, floor: float) -> None:
    """Check that the predicted class indices agree with ``labels`` on at least a fraction ``floor``.

    The grader counts the agreement itself, with the labels and the floor of the instructor's run.
    """
    _recorder.record(name, "accuracy", predictions, labels=labels, floor=float(floor))
    judge_accuracy(name, predictions, labels, float(floor))


def check_moments(
    name: str, got: Any, *, mean: float, std: float, mean_atol: float, std_rtol: float, min_count: int = 1000
) -> None:
    """Check the sample mean and standard deviation of the entries of ``got`` (a random initialisation).

    ``|mean(got) - mean| <= mean_atol`` and ``|std(got) - std| <= std_rtol * std``: a property of the
    distribution, which any correct draw has, whatever random numbers it drew.
    """
    params = {"mean": float(mean), "std": float(std), "mean_atol": float(mean_atol), "std_rtol": float(std_rtol),
              "min_count": int(min_count)}
    _recorder.record(name, "moments", got, **params)
    try:
        judge_moments(name, got, **params)
    except CheckFailed as exc:
        raise _with_hint(exc, "moments", got, mean_atol=params["mean_atol"]) from None


def check_agree(name: str, got: Any, other: Any, *, rtol: float | None = None, atol: float | None = None) -> None:
    """Check that two values computed by the student's code agree (as :func:`check_close`)."""
    _recorder.record(name, "agree", got, other=other, rtol=rtol, atol=atol)
    try:
        judge_close(name, got, other, rtol, atol)
    except CheckFailed as exc:
        raise _with_hint(exc, "agree", got, other=other, rtol=rtol, atol=atol) from None


def check_distinct(name: str, got: Any, other: Any, *, message: str = "") -> None:
    """Check that two tensors differ (two independent random initialisations must not be equal)."""
    _recorder.record(name, "distinct", got, other=other, message=str(message))
    judge_distinct(name, got, other, str(message))


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
    check_agree(name, analytic, numeric, rtol=rtol, atol=atol)


def _sources_of(obj: Any) -> str | None:
    """The source code of a function or class defined in a notebook cell (None if unreadable)."""
    try:
        return inspect.getsource(obj)
    except (OSError, TypeError):
        pass
    if inspect.isclass(obj):  # classes defined in IPython: read their methods one by one
        parts = []
        for member in vars(obj).values():
            fn = getattr(member, "__func__", member)
            if inspect.isfunction(fn):
                try:
                    parts.append(textwrap.dedent(inspect.getsource(fn)))
                except (OSError, TypeError):
                    return None
        return "\n".join(parts) if parts else None
    return None


def _notebook_sources() -> list[str]:
    try:
        from IPython import get_ipython

        ip = get_ipython()
        return [str(s) for s in ip.user_ns.get("In", [])] if ip is not None else []
    except Exception:
        return []


def check_not_using(name: str, target: Any, forbidden: Iterable[str], *, why: str = "") -> None:
    """Check that the answer ``target`` (a function or class, or its name) does not use ``forbidden``.

    ``forbidden`` lists dotted names (``"torch.relu"``, ``"sklearn"``) or attributes (``".data"``); see
    :mod:`course.staticcheck`. ``why`` ends the message ("write ReLU with basic tensor operations").
    The grader runs the same static check on the submitted notebook, outside the kernel.
    """
    from course import staticcheck

    entries = [str(e) for e in forbidden]
    label = target if isinstance(target, str) else getattr(target, "__name__", "")
    _recorder.record(name, "not_using", None, target=str(label), forbidden=entries, why=str(why))
    if isinstance(target, str):
        source = staticcheck.definition_source(_notebook_sources(), target)
    else:
        source = _sources_of(target)
    if source is None:
        raise CheckFailed(name, f"could not read the code of {label or 'the answer'}: define it with def or class in "
                                "a cell of this notebook")
    found = staticcheck.forbidden_uses(source, entries, staticcheck.import_aliases(_notebook_sources()))
    if found:
        raise CheckFailed(name, not_using_message(str(label), found, str(why)))


def not_using_message(label: str, found: list[str], why: str) -> str:
    """The failure message of :func:`check_not_using` (the grader says the same)."""
    what = ", ".join(found)
    text = f"{label or 'your answer'} uses {what}, which this exercise does not allow"
    return f"{text}: {why}" if why else text
