"""The coordinator's writes: a job's result into the course gradebook and ``autograded/``.

Only the batch coordinator calls this module, one result at a time, so no two processes ever write the
same database. For each result, through nbgrader's ``Gradebook`` API:

* the student and the submission (with the submission's timestamp, for the late rules) exist;
* every grade cell gets the job's ``auto_score``, and ``needs_manual_grade`` as nbgrader's
  ``SaveAutoGrades`` sets it (also when an earlier manual score exists); each solution and task cell
  its automatic comment; each notebook its late-submission penalty;
* the digest of the graded input (the submission's bytes and the assignment's payload) goes into the
  table ``course_graded_inputs`` of the same database, **in the same commit as the scores**: a later
  batch skips a submission whose digest is unchanged. A write cut short leaves no digest, so the next
  batch grades that submission again.

``autograded/<student>/<assignment>/`` is replaced whole: the new files are written beside it, then
swapped in by renames.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import Column, DateTime, Float, MetaData, String, Table, Text, select

from course.grading.coursedir import Course
from course.grading.job import JobResult

__all__ = ["GRADED_INPUTS", "graded_inputs", "graded_seconds", "write_result"]

_META = MetaData()
#: what each submission was last graded from (student, assignment -> digest), with its outcome
GRADED_INPUTS = Table(
    "course_graded_inputs", _META,
    Column("student", String(128), primary_key=True),
    Column("assignment", String(128), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("status", String(32), nullable=False),
    Column("message", Text()),
    Column("seconds", Float()),
    Column("graded_at", DateTime()),
)


def _ensure_table(gb) -> None:
    _META.create_all(gb.engine, checkfirst=True)


def graded_inputs(course: Course, assignments: list[str]) -> dict[tuple[str, str], tuple[str, str, str]]:
    """``(student, assignment) -> (digest, status, message)`` of every submission the gradebook holds
    and that was graded by a batch (a submission deleted from the gradebook is not listed)."""
    from nbgrader.api import Gradebook

    if not course.has_gradebook():
        return {}
    out: dict[tuple[str, str], tuple[str, str, str]] = {}
    with Gradebook(course.db_url(), course.course_id()) as gb:
        _ensure_table(gb)
        rows = gb.db.execute(select(GRADED_INPUTS).where(GRADED_INPUTS.c.assignment.in_(assignments))).all()
        known = {(s.student.id, s.assignment.name) for a in assignments for s in _submissions(gb, a)}
        for row in rows:
            if (row.student, row.assignment) in known:
                out[(row.student, row.assignment)] = (row.digest, row.status, row.message or "")
    return out


def graded_seconds(course: Course, assignments: list[str]) -> dict[tuple[str, str], float]:
    """``(student, assignment) -> seconds`` the last grading job of each submission took (what the batch
    orders its jobs by, see :mod:`course.grading.schedule`); empty when the gradebook has no such table."""
    from nbgrader.api import Gradebook

    if not course.has_gradebook():
        return {}
    with Gradebook(course.db_url(), course.course_id()) as gb:
        _ensure_table(gb)
        rows = gb.db.execute(select(GRADED_INPUTS.c.student, GRADED_INPUTS.c.assignment, GRADED_INPUTS.c.seconds)
                             .where(GRADED_INPUTS.c.assignment.in_(assignments))).all()
    return {(row.student, row.assignment): float(row.seconds) for row in rows if row.seconds}


def _submissions(gb, assignment: str) -> list:
    from nbgrader.api import MissingEntry

    try:
        return gb.assignment_submissions(assignment)
    except MissingEntry:
        return []


def extensions(course: Course, assignment: str) -> dict:
    """``student -> extension`` (a timedelta) of every submission of ``assignment`` that has one."""
    from nbgrader.api import Gradebook

    if not course.has_gradebook():
        return {}
    with Gradebook(course.db_url(), course.course_id()) as gb:
        return {s.student.id: s.extension for s in _submissions(gb, assignment) if s.extension}


def _safe_rel(rel: str) -> bool:
    parts = Path(rel).parts
    return bool(parts) and not Path(rel).is_absolute() and ".." not in parts and all(p not in ("", ".") for p in parts)


def _replace_folder(target: Path, files: dict[str, tuple[bytes, int]]) -> None:
    """Write ``files`` to a new folder beside ``target``, then swap it in."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = target.with_name(f".{target.name}.new-{os.getpid()}")
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    new.mkdir()
    for rel, (data, mode) in files.items():
        if not _safe_rel(rel):
            continue
        path = new / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        os.chmod(path, mode & 0o777 or 0o444)
    if target.exists() or target.is_symlink():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def write_result(course: Course, result: JobResult, digest: str | None) -> None:
    """Record ``result`` (see the module). ``digest`` None: record the grades but no digest (a later
    batch grades the submission again)."""
    from nbgrader.api import Gradebook

    outcome = result.outcome
    student, assignment = outcome.student, outcome.assignment
    if result.files:
        _replace_folder(course.autograded / student / assignment, result.files)
    with Gradebook(course.db_url(), course.course_id()) as gb:
        _ensure_table(gb)
        gb.update_or_create_student(student)
        if result.timestamp is not None:
            submission = gb.update_or_create_submission(assignment, student, timestamp=result.timestamp)
        else:
            submission = gb.update_or_create_submission(assignment, student)
        by_name = {nb.name: nb for nb in submission.notebooks}
        for graded in result.notebooks:
            nb = by_name.get(graded.name)
            if nb is None:
                continue
            grades = {g.name: g for g in nb.grades}
            for cell, (auto_score, needs_manual) in graded.grades.items():
                grade = grades.get(cell)
                if grade is None:
                    continue
                grade.auto_score = auto_score
                if graded.present:  # SaveAutoGrades' rule: an earlier manual score needs a look again
                    needs_manual = needs_manual or grade.manual_score is not None or auto_score is None
                grade.needs_manual_grade = bool(needs_manual)
            comments = {c.name: c for c in nb.comments}
            for cell, text in graded.comments.items():
                if cell in comments:
                    comments[cell].auto_comment = text
            nb.late_submission_penalty = graded.late_penalty
        gb.db.execute(GRADED_INPUTS.delete().where((GRADED_INPUTS.c.student == student)
                                                   & (GRADED_INPUTS.c.assignment == assignment)))
        if digest is not None:
            gb.db.execute(GRADED_INPUTS.insert().values(
                student=student, assignment=assignment, digest=digest, status=outcome.status,
                message=outcome.message[:2000], seconds=outcome.seconds, graded_at=datetime.now()))
        gb.db.commit()
