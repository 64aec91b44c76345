"""The trusted verdict: every graded check judged outside the student's kernel.

Inside the kernel the check helpers of :mod:`course.checks` record the value under test
(:mod:`course._recorder`): only the student's values, since a hidden check gives no expected value.
While grading, :class:`course.grading.execute.RobustExecute` gives each kernel an empty record folder
and, after every cell, moves the records written during that cell out of it (:func:`harvest`): only
the records written while a test cell ran count for that cell.

The reference is a *manifest*: the same records, made by running the instructor's solution notebook
(:func:`build_manifest`), cached by the notebook's hash and the library versions under
``.course/manifests/`` (never visible to a student kernel). Per test cell it lists the checks that must
run and, per check, its rule and parameters. The expected value of a hidden check (``check_close(name,
got)``, no expected value given) is the value the instructor's solution produced there; tolerances,
floors, shapes, types, messages and forbidden names come from the manifest too, never from the kernel.

:func:`judge_cell` judges one test cell; :class:`TrustedVerdict`, placed before ``SaveAutoGrades``,
rebuilds each test cell's outputs from that judgement, discarding what the kernel printed:

* every check of the cell recorded and passing, and the cell ran without error: passed;
* otherwise the cell fails with the first failing check's message (or the kernel's own error);
* a check whose record is missing because the kernel died or a record could not be written is
  MISSING (the cell scores zero, the report says why);
* **TAMPERED** (in the instructor's report only, never in what the student reads) needs evidence of
  tampering: the cell finished without an error, yet one of its checks left no record (a disabled
  test, a patched helper), or a visible check, which the kernel judged itself, fails here.

A failed cell then gets the grader's diagnosis (:mod:`course.grading.diagnose`: a catalogued mistake
recognised by its fingerprint, which the manifest carries, or a generic finding), as a hint after the
message and in the cell's metadata for the feedback page and the report.

:func:`rng_dependence` builds the manifest a second time with the global random state perturbed before
every answer cell (and every global seed shifted) and names each check whose value then fails: a
check whose expected value depends on the student's random draws would call a correct answer wrong.
"""

from __future__ import annotations

import copy
import fcntl
import hashlib
import io
import os
import re
import shutil
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import torch
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from course.grading.manifests import MANIFEST_FORMAT, manifest_path, versions
from course.grading.preprocessors import is_test_cell
from course.grading.text import clean_text

__all__ = [
    "MANIFEST_FORMAT",
    "CellVerdict",
    "RecordBudget",
    "TrustedVerdict",
    "build_manifest",
    "harvest",
    "judge",
    "judge_cell",
    "load_manifest",
    "manifest_path",
    "rng_dependence",
]

#: caps on what a kernel may hand the grader (bytes): one record file, the pickle inside it, one
#: cell's records together, one notebook's
MAX_RECORD_BYTES = 64 * 2**20
MAX_PICKLE_BYTES = 2 * 2**20
MAX_CELL_RECORD_BYTES = 256 * 2**20
MAX_NOTEBOOK_RECORD_BYTES = 512 * 2**20
MAX_RECORDS_PER_CELL = 5000
_RECORD_NAME = re.compile(r"^\d{1,10}-\d{6,}\.pt$")
_RULES = ("close", "equal", "type", "shape", "at_least", "accuracy", "moments", "agree", "distinct", "not_using")


# ---------------------------------------------------------------------------------------------
# records


def _valid_value(d: Any) -> bool:
    if not (
        isinstance(d, dict)
        and d.get("kind") in ("tensor", "ndarray", "scalar", "python", "other")
        and isinstance(d.get("type"), list)
        and len(d["type"]) <= 64
        and all(isinstance(t, str) and len(t) < 500 for t in d["type"])
        and isinstance(d.get("dtype"), str)
    ):
        return False
    if d["kind"] == "python":
        from course.checks import plain_form

        try:
            plain_form(d.get("value"))
        except (TypeError, RecursionError):
            return False
        return True
    return d.get("value") is None or type(d["value"]) in (torch.Tensor, torch.nn.Parameter)


def _valid_params(p: Any) -> bool:
    if not isinstance(p, dict) or len(p) > 20:
        return False
    for key, value in p.items():
        if not isinstance(key, str):
            return False
        if key in ("expected", "labels", "other"):
            if value is not None and not _valid_value(value):
                return False
        elif isinstance(value, list):
            if len(value) > 1000 or not all(type(v) in (int, str) for v in value):
                return False
        elif value is not None and not isinstance(value, (bool, int, float, str)):
            return False
    return True


def _valid_record(r: Any) -> bool:
    return (
        isinstance(r, dict)
        and isinstance(r.get("name"), str)
        and len(r["name"]) < 300
        and r.get("rule") in _RULES
        and _valid_value(r.get("got"))
        and _valid_params(r.get("params"))
    )


def _read_regular_file(folder: Path, name: str, limit: int) -> bytes | None:
    """The bytes of ``folder/name`` if it is a regular file under ``limit`` (never follows links)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        return data if len(data) <= limit else None
    finally:
        os.close(fd)


def _plain_zip(data: bytes) -> bool:
    """A ``torch.save`` archive whose entries are all stored uncompressed (no zip bomb) and small."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False
    if not infos or len(infos) > 256:
        return False
    total = 0
    for info in infos:
        if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
            return False
        if info.filename.endswith("data.pkl") and info.file_size > MAX_PICKLE_BYTES:
            return False
        total += info.file_size
    return total <= len(data)


@dataclass
class RecordBudget:
    """How many record bytes a notebook may still hand in (shared by its cells)."""

    notebook_bytes: int = MAX_NOTEBOOK_RECORD_BYTES
    cell_bytes: int = MAX_CELL_RECORD_BYTES
    dropped: int = 0


def harvest(folder: Path, budget: RecordBudget | None = None) -> list[dict]:
    """Move the records out of ``folder`` (a kernel's record folder): load, validate, delete.

    Only regular files named like the recorder's are read: uncompressed ``torch.save`` archives
    under the size caps, loaded with ``torch.load(weights_only=True)``. Everything else in the folder
    is removed unread where possible. Records come back in the order they were written.
    """
    folder = Path(folder)
    budget = budget or RecordBudget()
    cell_left = min(budget.cell_bytes, budget.notebook_bytes)
    records: list[tuple[tuple[int, int], dict]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    for entry in entries:
        data = None
        if _RECORD_NAME.match(entry.name) and len(records) < MAX_RECORDS_PER_CELL:
            data = _read_regular_file(folder, entry.name, min(MAX_RECORD_BYTES, cell_left))
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif not entry.name.endswith(".tmp"):
                os.unlink(entry.path)
        except OSError:
            pass
        if data is None:
            if _RECORD_NAME.match(entry.name):
                budget.dropped += 1
            continue
        cell_left -= len(data)
        budget.notebook_bytes -= len(data)
        if not _plain_zip(data):
            budget.dropped += 1
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rec = torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
        except Exception:
            budget.dropped += 1
            continue
        if _valid_record(rec):
            pid, seq = entry.name[:-3].split("-")
            records.append(((int(pid), int(seq)), rec))
        else:
            budget.dropped += 1
    records.sort(key=lambda item: item[0])
    return [rec for _, rec in records]


# ---------------------------------------------------------------------------------------------
# judging one record against its reference


class _Unrecordable:
    pass


def _decode(d: dict) -> Any:
    """Rebuild the value a record describes (the inverse of :func:`course._recorder.encode`)."""
    if d["kind"] == "python":
        return d["value"]
    value = d["value"]
    if d["kind"] == "other" or value is None:
        return _Unrecordable()
    value = value.as_subclass(torch.Tensor) if isinstance(value, torch.Tensor) else value
    if d["kind"] == "tensor":
        return value
    if d["kind"] == "ndarray":
        return value.numpy().astype(np.dtype(d["dtype"]), copy=False)
    item = value.item()
    dtype = d["dtype"]
    if dtype in ("bool", "int", "float"):
        return {"bool": bool, "int": int, "float": float}[dtype](item)
    return np.dtype(dtype).type(item)


def _what(d: dict) -> str:
    name = d["type"][0] if d["type"] else "?"
    return name.removeprefix("builtins.")


def _value_of(d: dict | None, name: str, what: str) -> Any:
    """The decoded value, or raise CheckFailed saying why it cannot be judged."""
    from course.checks import CheckFailed

    if d is None:
        raise CheckFailed(name, f"the {what} was not recorded")
    try:
        value = _decode(d)
    except Exception:
        value = _Unrecordable()
    if isinstance(value, _Unrecordable):
        if d["kind"] == "other":
            raise CheckFailed(name, f"got a {_what(d)}, which is not a tensor, an array, a number or a plain Python value")
        raise CheckFailed(name, "the value was too large to record")
    return value


def judge(reference: dict, record: dict | None) -> str | None:
    """The failure message of ``record`` checked against the manifest's ``reference`` (None: passed).

    Every parameter (expected value, tolerance, floor, shape, types, message) comes from the
    reference; from the record, only the values the student's code produced.
    """
    from course import _recorder, checks

    name = reference["name"]
    rule, params = reference["rule"], reference["params"]
    if record is None:
        return f"check '{name}' failed: it did not run"
    if record["rule"] != rule:
        return f"check '{name}' failed: it ran as a different kind of check"
    got_d = record["got"]
    if rule == "type":
        if set(got_d["type"]) & set(params["types"]):
            return None
        wanted = " or ".join(t.rsplit(".", 1)[-1] for t in params["types"])
        return f"check '{name}' failed: expected a {wanted}, got a {_what(got_d)}"
    try:
        with _recorder.suspended(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if rule == "equal":
                got = got_d["value"] if got_d["kind"] == "python" else _Unrecordable()
                if isinstance(got, _Unrecordable):
                    msg = params.get("message") or ""
                    raise checks.CheckFailed(name, (msg + " " if msg else "") + f"(got a {_what(got_d)})")
                checks.judge_equal(name, got, _decode(params["expected"]), params.get("message") or "")
                return None
            got = _value_of(got_d, name, "value")
            if rule == "close":
                checks.judge_close(name, got, _decode(params["expected"]), params.get("rtol"), params.get("atol"))
            elif rule == "shape":
                checks.judge_shape(name, got, params["shape"])
            elif rule == "at_least":
                checks.judge_at_least(name, got, params["floor"])
            elif rule == "accuracy":
                checks.judge_accuracy(name, got, _decode(params["labels"]), params["floor"])
            elif rule == "moments":
                checks.judge_moments(name, got, params["mean"], params["std"], params["mean_atol"], params["std_rtol"],
                                     params.get("min_count", 1000))
            elif rule == "agree":
                other = _value_of(record["params"].get("other"), name, "second value")
                checks.judge_close(name, got, other, params.get("rtol"), params.get("atol"))
            elif rule == "distinct":
                other = _value_of(record["params"].get("other"), name, "second value")
                checks.judge_distinct(name, got, other, params.get("message") or "")
            else:
                return f"check '{name}' failed: unknown rule {rule}"
    except checks.CheckFailed as exc:
        return str(exc)
    except Exception as exc:
        return f"check '{name}' failed: {type(exc).__name__}: {exc}"
    return None


def judge_static(reference: dict, sources: list[str]) -> str | None:
    """A ``not_using`` check, judged on the submitted code (``sources``: its code cells, in order)."""
    from course import staticcheck
    from course.checks import not_using_message

    name, params = reference["name"], reference["params"]
    target = params.get("target") or ""
    source = staticcheck.definition_source(sources, target)
    if source is None:
        return f"check '{name}' failed: no cell defines {target} (define it with def or class)"
    found = staticcheck.forbidden_uses(source, params.get("forbidden", []), staticcheck.import_aliases(sources))
    if found:
        return f"check '{name}' failed: " + not_using_message(target, found, params.get("why") or "")
    return None


# ---------------------------------------------------------------------------------------------
# judging a test cell


@dataclass
class CellVerdict:
    """The trusted judgement of one test cell."""

    grade_id: str
    passed: bool
    message: str | None = None  # what the student reads when the cell failed
    evidence: str | None = None  # evidence of tampering, for the instructor only
    missing: bool = False  # a record was lost (the kernel died, or a record could not be written)
    checks: list[str] = field(default_factory=list)


def _error_text(out: dict) -> str:
    ename = clean_text(str(out.get("ename", "Error")))[:80]
    evalue = clean_text(str(out.get("evalue", "")))
    return f"{ename}: {evalue[:500]}" if evalue else ename


def judge_cell(
    grade_id: str,
    references: list[dict],
    records: list[dict],
    *,
    kernel_errors: list[dict],
    died: bool,
    sources: list[str],
) -> CellVerdict:
    """Judge one executed test cell from its records against the manifest's ``references``.

    ``kernel_errors`` are the cell's error outputs, ``died`` says whether the kernel died (or stopped
    responding) during or before the cell, ``sources`` are the submitted code cells before it.
    """
    by_name: dict[str, list[dict]] = {}
    for rec in records:
        by_name.setdefault(rec["name"], []).append(rec)
    names = [r["name"] for r in references]
    recording_failed = any(o.get("ename") == "RecordingFailed" for o in kernel_errors)
    failure: str | None = None
    ran_failure = False  # the first failure is a check that ran (not one that an error or death skipped)
    evidence: str | None = None
    missing = False
    for ref in references:
        got = by_name.get(ref["name"], [])
        did_run = True
        if ref["rule"] == "not_using":
            message = judge_static(ref, sources)
        elif not got:
            did_run = False
            message = judge(ref, None)
            if died or recording_failed:
                missing = True
            elif not kernel_errors and evidence is None:
                evidence = f"check '{ref['name']}' did not run, though the cell finished without an error"
        else:
            message = next((m for m in (judge(ref, r) for r in got) if m), None)
            if message and ref.get("visible") and not kernel_errors and not died and evidence is None:
                evidence = f"check '{ref['name']}' passed in the kernel but fails the trusted comparison: {message}"
        if message and failure is None:
            failure, ran_failure = message, did_run
    if not kernel_errors and failure is None and not died:
        return CellVerdict(grade_id, True, checks=names)
    error = _error_text(kernel_errors[0]) if kernel_errors else ""
    if kernel_errors and kernel_errors[0].get("ename") in _GRADER_ERRORS:
        error = clean_text(str(kernel_errors[0].get("evalue", "")))[:500]
    if failure is None or (not ran_failure and error):
        # nothing failed before the error: the error is the reason (or the kernel stopped)
        failure = error or failure or "the cell did not finish (the kernel stopped)"
    elif error and kernel_errors[0].get("ename") != "CheckFailed" and error not in failure:
        failure = f"{failure}\n(then your code raised {error})"
    return CellVerdict(grade_id, False, failure, evidence, missing, names)


#: error outputs the grader itself writes into a cell (their message says what happened)
_GRADER_ERRORS = ("KernelDied", "NotRun", "CellTimeoutError", "OutputCapped")


# ---------------------------------------------------------------------------------------------
# the manifest


def _reference(record: dict) -> dict:
    """A manifest entry from the instructor's record: a hidden check's expected value is its value."""
    params = dict(record["params"])
    if record["rule"] in ("close", "equal") and params.get("expected") is None:
        params["expected"] = record["got"]
    visible = bool(params.pop("visible", False))
    return {"name": record["name"], "rule": record["rule"], "params": params, "visible": visible}


_SHIFT_SEEDS = """\
import random as _course_random, numpy as _course_np, torch as _course_torch
def _course_shifted(seed_fn, modulus=None):
    def seed(s=None, *args, **kwargs):
        if s is not None:
            s = int(s) + 1009
            if modulus:
                s %= modulus
        return seed_fn(s, *args, **kwargs)
    return seed
_course_torch.manual_seed = _course_shifted(_course_torch.manual_seed)
_course_torch.random.manual_seed = _course_torch.manual_seed
_course_np.random.seed = _course_shifted(_course_np.random.seed, 2**32)
_course_random.seed = _course_shifted(_course_random.seed)
"""

_DRAW_AND_DISCARD = """\
import random as _course_random, numpy as _course_np, torch as _course_torch
_course_torch.rand(7); _course_np.random.rand(7); _course_random.random()
"""


def _perturbed(nb: NotebookNode) -> NotebookNode:
    """A copy of ``nb`` whose global random state is shifted at the start and stirred before every answer cell."""
    out = copy.deepcopy(nb)
    cells = [nbformat.v4.new_code_cell(_SHIFT_SEEDS)]
    for cell in out.cells:
        if cell.cell_type == "code" and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            cells.append(nbformat.v4.new_code_cell(_DRAW_AND_DISCARD))
        cells.append(cell)
    out.cells = cells
    return out


def _run_records(course_root: Path, assignment: str, notebook: str, *, perturb: bool, timeout: int) -> dict[str, list[dict]]:
    from course.grading.execute import RobustExecute, fault_key, take_faults

    source = Path(course_root) / "source" / assignment / f"{notebook}.ipynb"
    nb = nbformat.read(source, as_version=4)
    if perturb:
        nb = _perturbed(nb)
    executor = RobustExecute(timeout=timeout, kernel_name="python3", record_checks=True, sandbox=False)
    resources = {"metadata": {"path": str(source.parent)}, "unique_key": f"manifest-{notebook}"}
    executor.preprocess(nb, resources)
    faults = take_faults(fault_key(resources))
    what = "the solution" + (" with the random state perturbed" if perturb else "")
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors or faults:
            why = f"{errors[0].get('ename')}: {errors[0].get('evalue')}" if errors else str(faults[0])
            raise RuntimeError(f"{assignment}/{notebook}: {what} fails test cell {grade_id}: {why}")
    return resources.get("course_records", {})


def build_manifest(course_root: Path, assignment: str, notebook: str, *, timeout: int = 300) -> dict:
    """Run the instructor's notebook with recording on and return its manifest (not cached).

    Raises RuntimeError when a test cell of the solution fails (the reference would be wrong), or
    when one check name is recorded twice in a cell (the names must say which check is which).
    """
    source = Path(course_root) / "source" / assignment / f"{notebook}.ipynb"
    nb = nbformat.read(source, as_version=4)
    recorded = _run_records(course_root, assignment, notebook, perturb=False, timeout=timeout)
    cells: dict[str, list[dict]] = {}
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        seen: dict[str, dict] = {}
        for rec in recorded.get(grade_id, []):
            if rec["name"] in seen:
                raise RuntimeError(f"{assignment}/{notebook}: check '{rec['name']}' runs twice in {grade_id}: "
                                   "give every check of a cell its own name")
            seen[rec["name"]] = _reference(rec)
        cells[grade_id] = list(seen.values())
    from course.grading.diagnose import load_fingerprints

    return {"format": MANIFEST_FORMAT, "assignment": str(assignment), "notebook": str(notebook),
            "versions": versions(), "cells": cells, "fingerprints": load_fingerprints(source)}


def rng_dependence(course_root: Path, assignment: str, notebook: str, manifest: dict | None = None,
                   *, timeout: int = 300) -> list[str]:
    """Checks whose value changes when the solution draws other random numbers: one line each.

    The solution runs again with every global seed shifted and a few numbers drawn and discarded
    from ``torch``, ``numpy`` and ``random`` before every answer cell; each record is judged against
    the normal manifest. A visible check's expected value must not change either.
    """
    manifest = manifest or load_manifest(course_root, assignment, notebook)
    perturbed = _run_records(course_root, assignment, notebook, perturb=True, timeout=timeout)
    problems = []
    for grade_id, references in manifest["cells"].items():
        by_name: dict[str, list[dict]] = {}
        for rec in perturbed.get(grade_id, []):
            by_name.setdefault(rec["name"], []).append(rec)
        for ref in references:
            if ref["rule"] == "not_using":
                continue
            recs = by_name.get(ref["name"], [])
            message = judge(ref, recs[0] if recs else None)
            if not message and ref.get("visible") and recs and ref["rule"] in ("close", "equal"):
                moved = dict(ref, params={**ref["params"], "expected": recs[0]["params"]["expected"]})
                if judge(moved, {**recs[0], "got": ref["params"]["expected"]}):
                    message = "its expected value changes with the random state"
            if message:
                problems.append(f"{assignment}/{notebook} {grade_id}: {message}")
    return problems


def load_manifest(course_root: Path, assignment: str, notebook: str, *, build: bool = True) -> dict | None:
    """The cached manifest of a source notebook, built (and cached) first if ``build``."""
    path = manifest_path(course_root, assignment, notebook)
    cached = _read_manifest(path)
    if cached is not None or not build:
        return cached
    path.parent.mkdir(parents=True, exist_ok=True)
    # one builder at a time per manifest (two graders of one course, or parallel test workers):
    # whoever waited for the lock finds the manifest made meanwhile
    with open(path.with_name(f".{path.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        cached = _read_manifest(path)
        if cached is not None:
            return cached
        manifest = build_manifest(course_root, assignment, notebook)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        torch.save(manifest, tmp)
        os.replace(tmp, path)
    return manifest


_GIVEN: dict[str, dict] = {}


def given_manifest(folder: Path, assignment: str, notebook: str) -> dict:
    """The manifest ``folder/<assignment>/<notebook>.pt`` handed to a grading job (cached per process by
    its bytes' hash, so a worker loads each manifest once however many submissions it grades).

    Raises RuntimeError when it is missing or unreadable: the job must not judge without it.
    """
    path = Path(folder) / assignment / f"{notebook}.pt"
    try:
        data = path.read_bytes()
    except OSError:
        raise RuntimeError(f"no manifest for {assignment}/{notebook} in the job's payload") from None
    key = hashlib.sha256(data).hexdigest()
    if key not in _GIVEN:
        try:
            manifest = torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
        except Exception:
            manifest = None
        if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
            raise RuntimeError(f"the manifest of {assignment}/{notebook} in the job's payload is unreadable")
        if len(_GIVEN) >= 16:
            _GIVEN.clear()
        _GIVEN[key] = manifest
    return _GIVEN[key]


def _read_manifest(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        manifest = torch.load(path, weights_only=True, map_location="cpu")
    except Exception:
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        return None
    return manifest


# ---------------------------------------------------------------------------------------------
# the autograde step


def _passed_output(names: list[str]) -> NotebookNode:
    listed = ", ".join(names) if len(names) <= 6 else ", ".join(names[:6]) + f" and {len(names) - 6} more"
    text = f"All {len(names)} checks passed ({listed}).\n" if names else "Passed.\n"
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def _failed_output(message: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename="CheckFailed", evalue=message, traceback=[f"CheckFailed: {message}"])


def code_sources_before(nb: NotebookNode, index: int) -> list[str]:
    """The sources of the code cells before cell ``index`` (strings; other types dropped)."""
    out = []
    for cell in nb.cells[:index]:
        src = cell.get("source", "")
        if cell.get("cell_type") == "code" and isinstance(src, str):
            out.append(src)
    return out


class TrustedVerdict(NbGraderPreprocessor):
    """Autograde step: each test cell's outputs rebuilt from the trusted judgement (see the module)."""

    course_root = Unicode("", help="The course root (holding source/); default: the working directory.").tag(config=True)
    manifest_dir = Unicode("", help="A folder of ready manifests, <assignment>/<notebook>.pt (what a grading job "
                           "receives from the batch coordinator); when set, source/ is never read.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        from course.grading.diagnose import set_diagnosis

        for cell in nb.cells:
            set_diagnosis(cell, None)  # a submitted notebook cannot bring its own diagnosis
        if not resources.get("course_recording"):
            return nb, resources  # run without recording (not RobustExecute): nothing to re-judge
        import time

        from course.grading.execute import add_timing, fault_key

        clock = time.perf_counter()
        try:
            return self._preprocess(nb, resources)
        finally:
            add_timing(fault_key(resources), "verdict", time.perf_counter() - clock)

    def _preprocess(self, nb: NotebookNode, resources: dict):
        from course.grading.diagnose import diagnose_cell, set_diagnosis, with_hint
        from course.grading.execute import FAULTS, Fault, fault_key

        assignment = resources["nbgrader"]["assignment"]
        notebook = resources["nbgrader"]["notebook"]
        manifest = resources.get("course_manifest")
        if manifest is None and self.manifest_dir:
            manifest = given_manifest(Path(self.manifest_dir), assignment, notebook)
        if manifest is None:
            root = Path(self.course_root or os.getcwd())
            manifest = load_manifest(root, assignment, notebook)
        records: dict[str, list[dict]] = resources.get("course_records", {})
        died_at = resources.get("course_died_at")
        name = fault_key(resources)
        faults: list[Fault] = []
        for index, cell in enumerate(nb.cells):
            if not is_test_cell(cell):
                continue
            grade_id = cell.metadata["nbgrader"].get("grade_id", "")
            references = manifest["cells"].get(grade_id)
            if not references:
                continue  # a test cell without checks: the kernel's verdict stands
            errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            died = died_at is not None and index >= died_at
            verdict = judge_cell(grade_id, references, records.get(grade_id, []), kernel_errors=errors, died=died,
                                 sources=code_sources_before(nb, index))
            if verdict.passed:
                cell.outputs = [_passed_output(verdict.checks)]
                continue
            diagnosis = None if verdict.missing else diagnose_cell(
                grade_id, references, records.get(grade_id, []), kernel_errors=errors,
                sources=code_sources_before(nb, index), fingerprints=manifest.get("fingerprints"))
            set_diagnosis(cell, diagnosis)
            cell.outputs = [_failed_output(with_hint(verdict.message or "failed", diagnosis))]
            if verdict.missing:
                faults.append(Fault("MISSING", name, index, f"{grade_id}: a check's record is missing "
                                    "(the kernel died or a record could not be written); the cell scores zero"))
            elif verdict.evidence:
                faults.append(Fault("TAMPERED", name, index, f"{grade_id}: {verdict.evidence}"))
        if faults:
            FAULTS.setdefault(name, []).extend(faults)
        return nb, resources
