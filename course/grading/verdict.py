"""The trusted verdict: every graded check re-judged outside the student's kernel.

Inside the kernel the check helpers of :mod:`course.checks` record the value under test
(:mod:`course._recorder`). While grading, :class:`course.grading.execute.RobustExecute` gives each
kernel an empty record folder and, after every cell, moves the records written during that cell
out of it (:func:`harvest`): only the records written while a test cell ran count for that cell.

The reference is a *manifest*: the same records, made by running the instructor's solution
notebook (:func:`build_manifest`), cached by the notebook's hash and the torch version under
``.course/manifests/`` (never visible to a student kernel). Per test cell it lists the checks that
must run and, per check, its rule and parameters: the expected value and tolerances of
``check_close``, the floor of ``check_at_least``, the shape of ``check_shape``, the types of
``check_type``. Values that legitimately differ between correct answers (random initialisations,
accuracies) are checked by rules whose parameters come from the manifest, never from the kernel.

:class:`TrustedVerdict`, placed before ``SaveAutoGrades``, rebuilds each test cell's outputs from
that comparison, discarding what the kernel printed:

* every check of the cell recorded and passing, and the cell ran without error: passed;
* otherwise the cell fails with the first failing check's message (or the kernel's own error);
* a cell that passed in the kernel but fails the trusted comparison is TAMPERED (a disabled test,
  a patched check helper, an error hidden from the grader);
* a check whose record is missing because the kernel died or a record could not be written is
  MISSING (the cell scores zero, the report says why), not TAMPERED.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import re
import shutil
import stat
import warnings
from pathlib import Path
from typing import Any

import nbformat
import numpy as np
import torch
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

from course.grading.preprocessors import is_test_cell

__all__ = [
    "MANIFEST_FORMAT",
    "TrustedVerdict",
    "build_manifest",
    "harvest",
    "judge",
    "load_manifest",
    "manifest_path",
]

MANIFEST_FORMAT = 1
MAX_RECORD_BYTES = 256 * 2**20
MAX_RECORDS_PER_CELL = 5000
_RECORD_NAME = re.compile(r"^\d{1,10}-\d{6,}\.pt$")
_RULES = ("close", "type", "shape", "true", "at_least")


# ---------------------------------------------------------------------------------------------
# records


def _valid_value(d: Any) -> bool:
    return (
        isinstance(d, dict)
        and d.get("kind") in ("tensor", "ndarray", "scalar", "other")
        and isinstance(d.get("type"), list)
        and all(isinstance(t, str) for t in d["type"])
        and (d.get("value") is None or type(d["value"]) in (torch.Tensor, torch.nn.Parameter))
        and isinstance(d.get("dtype"), str)
    )


def _valid_record(r: Any) -> bool:
    return (
        isinstance(r, dict)
        and isinstance(r.get("name"), str)
        and r.get("rule") in _RULES
        and _valid_value(r.get("got"))
        and isinstance(r.get("params"), dict)
        and ("expected" not in r["params"] or _valid_value(r["params"]["expected"]))
    )


def _read_regular_file(folder: Path, name: str) -> bytes | None:
    """The bytes of ``folder/name`` if it is a regular file under the size cap (never follows links)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RECORD_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(MAX_RECORD_BYTES + 1)
    finally:
        os.close(fd)


def harvest(folder: Path) -> list[dict]:
    """Move the records out of ``folder`` (a kernel's record folder): load, validate, delete.

    Only regular files named like the recorder's are read (``torch.load(weights_only=True)``,
    capped in size); everything else in the folder is removed unread where possible.
    Records come back in the order they were written.
    """
    folder = Path(folder)
    records: list[tuple[tuple[int, int], dict]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        data = _read_regular_file(folder, entry.name) if _RECORD_NAME.match(entry.name) else None
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            elif not entry.name.endswith(".tmp"):
                os.unlink(entry.path)
        except OSError:
            pass
        if data is None or len(data) > MAX_RECORD_BYTES or len(records) >= MAX_RECORDS_PER_CELL:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rec = torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")
        except Exception:
            continue
        if _valid_record(rec):
            pid, seq = entry.name[:-3].split("-")
            records.append(((int(pid), int(seq)), rec))
    records.sort(key=lambda item: item[0])
    return [rec for _, rec in records]


# ---------------------------------------------------------------------------------------------
# judging one record against its reference


class _Unrecordable:
    pass


def _decode(d: dict) -> Any:
    """Rebuild the value a record describes (the inverse of :func:`course._recorder.encode`)."""
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


def judge(reference: dict, record: dict | None) -> str | None:
    """The failure message of ``record`` checked against the manifest's ``reference`` (None: passed)."""
    from course import _recorder, checks

    name = reference["name"]
    if record is None:
        return f"check '{name}' failed: it did not run"
    if record["rule"] != reference["rule"]:
        return f"check '{name}' failed: it ran as a different kind of check"
    rule, params, got_d = reference["rule"], reference["params"], record["got"]
    if rule == "type":
        if set(got_d["type"]) & set(params["types"]):
            return None
        wanted = " or ".join(t.rsplit(".", 1)[-1] for t in params["types"])
        return f"check '{name}' failed: expected a {wanted}, got a {_what(got_d)}"
    if rule == "true":
        if got_d["kind"] == "scalar" and got_d["dtype"] == "bool" and got_d["value"] is not None and bool(got_d["value"]):
            return None
        message = record["params"].get("message") or params.get("message") or "condition not met"
        return f"check '{name}' failed: {message}"
    try:
        got = _decode(got_d)
    except Exception:
        got = _Unrecordable()
    if isinstance(got, _Unrecordable):
        if got_d["kind"] == "other":
            return f"check '{name}' failed: got a {_what(got_d)}, which is not a tensor, an array or a number"
        return f"check '{name}' failed: the value was too large to record"
    try:
        with _recorder.suspended():
            _judge_value(rule, name, got, params)
    except checks.CheckFailed as exc:
        return str(exc)
    except Exception as exc:
        return f"check '{name}' failed: {type(exc).__name__}: {exc}"
    return None


def _judge_value(rule: str, name: str, got: Any, params: dict) -> None:
    from course import checks

    if rule == "close":
        checks.check_close(name, got, _decode(params["expected"]), rtol=params.get("rtol"), atol=params.get("atol"))
    elif rule == "shape":
        checks.check_shape(name, got, params["shape"])
    elif rule == "at_least":
        checks.check_at_least(name, got, params["floor"])


# ---------------------------------------------------------------------------------------------
# the manifest


def _manifest_key(notebook: Path) -> str:
    h = hashlib.sha256()
    h.update(f"format {MANIFEST_FORMAT}; torch {torch.__version__}; numpy {np.__version__}\n".encode())
    h.update(Path(notebook).read_bytes())
    return h.hexdigest()[:20]


def manifest_path(course_root: Path, assignment: str, notebook: str) -> Path:
    """Where the manifest of ``source/<assignment>/<notebook>.ipynb`` is cached (by its hash).

    ``COURSE_MANIFEST_CACHE`` overrides the cache folder (default ``<course>/.course/manifests``).
    """
    source = Path(course_root) / "source" / assignment / f"{notebook}.ipynb"
    base = Path(os.environ.get("COURSE_MANIFEST_CACHE") or Path(course_root) / ".course" / "manifests")
    return base / assignment / f"{notebook}-{_manifest_key(source)}.pt"


def _reference(record: dict) -> dict:
    return {"name": record["name"], "rule": record["rule"], "params": record["params"]}


def build_manifest(course_root: Path, assignment: str, notebook: str, *, timeout: int = 300) -> dict:
    """Run the instructor's notebook with recording on and return its manifest (not cached).

    Raises RuntimeError when a test cell of the solution fails: the reference would be wrong.
    """
    from course.grading.execute import RobustExecute, fault_key, take_faults

    source = Path(course_root) / "source" / assignment / f"{notebook}.ipynb"
    nb = nbformat.read(source, as_version=4)
    executor = RobustExecute(timeout=timeout, kernel_name="python3", record_checks=True)
    resources = {"metadata": {"path": str(source.parent)}, "unique_key": f"manifest-{notebook}"}
    executor.preprocess(nb, resources)
    faults = take_faults(fault_key(resources))
    cells: dict[str, list[dict]] = {}
    for cell in nb.cells:
        if not is_test_cell(cell):
            continue
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors or faults:
            why = f"{errors[0].get('ename')}: {errors[0].get('evalue')}" if errors else str(faults[0])
            raise RuntimeError(f"{assignment}/{notebook}: the solution fails test cell {grade_id}: {why}")
        seen: dict[str, dict] = {}
        for rec in resources.get("course_records", {}).get(grade_id, []):
            seen.setdefault(rec["name"], _reference(rec))
        cells[grade_id] = list(seen.values())
    return {"format": MANIFEST_FORMAT, "assignment": assignment, "notebook": notebook,
            "torch": torch.__version__, "cells": cells}


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


def _read_manifest(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        return torch.load(path, weights_only=True, map_location="cpu")
    except Exception:
        return None


# ---------------------------------------------------------------------------------------------
# the autograde step


def _passed_output(names: list[str]) -> NotebookNode:
    listed = ", ".join(names) if len(names) <= 6 else ", ".join(names[:6]) + f" and {len(names) - 6} more"
    text = f"All {len(names)} checks passed ({listed}).\n" if names else "Passed.\n"
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def _failed_output(message: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename="CheckFailed", evalue=message, traceback=[f"CheckFailed: {message}"])


class TrustedVerdict(NbGraderPreprocessor):
    """Autograde step: each test cell's outputs rebuilt from the trusted comparison (see the module)."""

    course_root = Unicode("", help="The course root (holding source/); default: the working directory.").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        if not resources.get("course_recording"):
            return nb, resources  # run without recording (not RobustExecute): nothing to re-judge
        from course.grading.execute import FAULTS, Fault, fault_key

        assignment = resources["nbgrader"]["assignment"]
        notebook = resources["nbgrader"]["notebook"]
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
            by_name: dict[str, list[dict]] = {}
            for rec in records.get(grade_id, []):
                by_name.setdefault(rec["name"], []).append(rec)
            failure, missing = None, False
            for ref in references:
                got = by_name.get(ref["name"])
                if not got:
                    failure, missing = judge(ref, None), True
                    break
                failure = next((m for m in (judge(ref, r) for r in got) if m), None)
                if failure:
                    break
            kernel_errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
            if failure is None and not kernel_errors:
                cell.outputs = [_passed_output([r["name"] for r in references])]
                continue
            if kernel_errors:
                recording_failed = any(o.get("ename") == "RecordingFailed" for o in kernel_errors)
                if recording_failed or (died_at is not None and index >= died_at):
                    faults.append(Fault("MISSING", name, index, f"{grade_id}: a check's record is missing "
                                        "(the kernel died or a record could not be written); the cell scores zero"))
                cell.outputs = [o for o in cell.outputs if o.get("output_type") == "error"][:1]
                continue
            # passed in the kernel, failed here
            kind = "MISSING" if missing and died_at is not None and index >= died_at else "TAMPERED"
            faults.append(Fault(kind, name, index, f"{grade_id} passed in the kernel but not the trusted check: {failure}"))
            cell.outputs = [_failed_output(failure)]
        if faults:
            FAULTS.setdefault(name, []).extend(faults)
        return nb, resources
