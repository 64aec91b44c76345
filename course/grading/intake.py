"""Intake: check each submission and stage a clean copy for nbgrader; never touch the original.

Intake works on a :class:`course.grading.snapshot.Snapshot` of the submission folder (read once,
without following links, by the coordinator; the folder itself is never written). For every notebook
the assignment expects:

* a symlink, a file over :data:`MAX_NOTEBOOK_BYTES`, text that is not UTF-8, JSON that does not
  parse, or JSON that is not a notebook -> INVALID (the notebook scores zero, with the reason);
* an nbformat 3 notebook is upgraded to nbformat 4 (noted);
* a missing notebook -> MISSING, unless exactly one unexpected ``.ipynb`` is there, which is then
  taken for it (a renamed notebook; noted);
* duplicated ``grade_id`` s (copied cells) are noted; nbgrader's ``DeduplicateIds`` keeps the first;

* the notebook is made well-formed (:func:`course.grading.wellformed.repair`: nbformat's schema,
  nbgrader metadata of the right types); what cannot be repaired -> INVALID with the schema's message;

then the notebook is written, as nbformat 4, to the staging folder that nbgrader reads. Nothing else
the student handed in is staged (a ``json.py`` beside the notebook is never where a Python process
could import it), except a small ``timestamp.txt`` for nbgrader's late-submission rules and the
``submission_secret.txt`` (hex digits) that nbgrader's exchange writes on submit and needs to release
the feedback to the student who submitted. Any
unexpected failure while reading one notebook makes that notebook INVALID with its cause; it never
stops the batch.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from course.grading.snapshot import MAX_TOTAL_READ_BYTES, NBGRADER_FILES, Entry, Snapshot

__all__ = ["MAX_NOTEBOOK_BYTES", "Intake", "stage_submission"]

MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024  # far above any honest notebook without outputs


@dataclass
class Intake:
    """What intake found in one submission."""

    student: str
    assignment: str
    status: str = "OK"  # OK, INVALID (some notebook unusable), MISSING (some notebook absent)
    notes: list[str] = field(default_factory=list)

    def flag(self, status: str, note: str) -> None:
        rank = {"OK": 0, "MISSING": 1, "INVALID": 2}
        if rank[status] > rank[self.status]:
            self.status = status
        self.notes.append(note)


def _read_notebook(entry: Entry, intake: Intake, label: str):
    """The parsed notebook of ``entry`` (nbformat 4), or None with an INVALID note."""
    if entry.kind == "link":
        intake.flag("INVALID", f"{label}: a symbolic link, not a file: ignored")
        return None
    if entry.kind != "file":
        intake.flag("INVALID", f"{label}: not a regular file: ignored")
        return None
    if entry.size > MAX_NOTEBOOK_BYTES:
        intake.flag("INVALID", f"{label}: {entry.size / 2**20:.0f} MB, over the {MAX_NOTEBOOK_BYTES // 2**20} MB limit")
        return None
    if entry.data is None:
        intake.flag("INVALID", f"{label}: not read: the notebooks of this submission together are over the "
                               f"{MAX_TOTAL_READ_BYTES // 2**20} MB the grader reads (hand in only the assignment's notebooks)")
        return None
    raw = entry.data
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark (some Windows editors write one) is fine
    except UnicodeDecodeError as exc:
        intake.flag("INVALID", f"{label}: not UTF-8 text (byte {exc.start}); re-save the notebook from Jupyter")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        intake.flag("INVALID", f"{label}: not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")
        return None
    except RecursionError:
        intake.flag("INVALID", f"{label}: JSON nested too deeply to be a notebook")
        return None
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        intake.flag("INVALID", f"{label}: JSON, but not a Jupyter notebook")
        return None
    major = data.get("nbformat")
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises several types for malformed notebooks
        intake.flag("INVALID", f"{label}: not a readable notebook ({type(exc).__name__}: {exc})")
        return None
    if major != 4:
        intake.notes.append(f"{label}: nbformat {major} notebook upgraded to nbformat 4")
    from course.grading.wellformed import Malformed, repair

    try:
        for note in repair(nb):
            intake.notes.append(f"{label}: {note}")
    except Malformed as exc:
        intake.flag("INVALID", f"{label}: {exc}")
        return None
    _dedupe(nb, intake, label)
    return nb


def _dedupe(nb, intake: Intake, label: str) -> None:
    """Keep the nbgrader metadata of the first cell with each grade_id; make cell ids unique.

    (nbgrader's DeduplicateIds leaves an empty metadata dict on the copies, which its own
    CheckCellMetadata then rejects as an old schema: the whole submission would fail.)
    """
    seen: set[str] = set()
    dupes: list[str] = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        gid = meta.get("grade_id") if isinstance(meta, dict) else None
        if not isinstance(gid, str):
            continue
        if gid in seen:
            del cell.metadata["nbgrader"]
            dupes.append(gid)
        seen.add(gid)
    if dupes:
        intake.notes.append(f"{label}: duplicated cells {', '.join(sorted(set(dupes)))}: the first copy of each is graded")
    nb.nbformat_minor = max(nb.get("nbformat_minor", 0), 5)
    used: set[str] = set()
    for n, cell in enumerate(nb.cells):
        cid = cell.get("id")
        if not isinstance(cid, str) or not cid or cid in used:
            cid = f"cell-{n}"
            while cid in used:
                cid += "x"
            cell["id"] = cid
        used.add(cid)


def stage_submission(submission: Snapshot, staged: Path, expected: list[str], student: str, assignment: str) -> Intake:
    """Check ``submission`` (a snapshot of one student's assignment folder) and write a clean copy to ``staged``.

    ``expected`` lists the notebook names (without ``.ipynb``) the assignment has.
    """
    intake = Intake(student, assignment)
    if staged.exists():
        shutil.rmtree(staged)
    staged.mkdir(parents=True)
    if not submission.exists:
        intake.flag("MISSING", f"no submission folder {submission.name}")
        return intake
    entries = list(submission.entries or ())
    present = {p.stem: p for p in entries if p.suffix == ".ipynb"}
    unexpected = [p for stem, p in present.items() if stem not in expected]
    missing = [name for name in expected if name not in present]
    if len(missing) == 1 and len(unexpected) == 1:
        intake.notes.append(f"{unexpected[0].name} taken for the missing {missing[0]}.ipynb (renamed notebook)")
        present[missing[0]] = unexpected[0]
        missing = []
    for name in missing:
        intake.flag("MISSING", f"{name}.ipynb is missing: it scores zero")
    for name in expected:
        if name not in present:
            continue
        label = f"{name}.ipynb"
        try:
            nb = _read_notebook(present[name], intake, label)
            if nb is not None:
                nbformat.write(nb, str(staged / label))
        except Exception as exc:  # whatever a hostile file does, it costs only this notebook
            (staged / label).unlink(missing_ok=True)
            intake.flag("INVALID", f"{label}: could not be read ({type(exc).__name__}: {str(exc)[:200]})")
    used = {present[n].name for n in expected if n in present}
    ignored = []
    for path in entries:
        if path.name in used:
            continue
        if path.name in NBGRADER_FILES and path.kind == "file":
            if path.data is None or path.size > NBGRADER_FILES[path.name]:
                intake.notes.append(f"{path.name}: too large to be what nbgrader writes: ignored")
            elif path.name == "submission_secret.txt" and not _is_hex(path.data):
                intake.notes.append("submission_secret.txt: not nbgrader's hex secret: ignored")
            else:
                (staged / path.name).write_bytes(path.data)
        else:
            ignored.append(path.name)
    ignored += [f"({submission.truncated} more)"] if submission.truncated else []
    if ignored:
        shown = ", ".join(sorted(ignored)[:5]) + (f" and {len(ignored) - 5} more" if len(ignored) > 5 else "")
        intake.notes.append(f"not graded, not copied: {shown}")
    return intake


def _is_hex(text: bytes) -> bool:
    return bool(text) and all(chr(b) in "0123456789abcdefABCDEF" for b in text)
