"""``course autograde``: grade every submission in ``submitted/``, one at a time, and never stop.

For each student and assignment:

1. intake (:mod:`course.grading.intake`) checks the submitted files and stages a clean copy under
   ``.course/intake/``; the submission itself is only read;
2. nbgrader autogrades the staged copy into ``autograded/`` and the gradebook, with the course's
   steps configured in ``nbgrader_config.py`` (deleted tests restored, cell-by-cell execution that
   survives a dead or stuck kernel, test-cell outputs cleaned);
3. every check is re-judged outside the kernel against the instructor's manifest
   (:mod:`course.grading.verdict`, built once per source notebook before the batch);
4. the outcome records what happened: GRADED, or MISSING / INVALID (intake), TIMEOUT / OOM /
   KERNEL DIED / OUTPUT CAPPED (execution), TAMPERED / MISSING (the trusted verdict), ERROR
   (nbgrader failed; the message says why).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from course.grading.coursedir import Course
from course.grading.execute import SandboxUnavailable, take_faults
from course.grading.intake import stage_submission
from course.grading.mistakes import hint_summary
from course.grading.text import clean_line

__all__ = ["INTAKE_DIR", "Limits", "Outcome", "SandboxUnavailable", "autograde", "prepare_manifests"]

INTAKE_DIR = ".course/intake"


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment."""

    student: str
    assignment: str
    status: str  # GRADED, MISSING, INVALID, TIMEOUT, OOM, KERNEL DIED, PROCESS CAP, OUTPUT CAPPED, TAMPERED, ERROR
    message: str = ""
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.status:11s} {clean_line(self.student, 80)}/{clean_line(self.assignment, 80)}"
        if self.message:
            text += f": {clean_line(self.message)}"
        return text + "".join(f"\n              - {clean_line(d)}" for d in self.details)


def _last_error(log: str) -> str:
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return lines[-1].strip() if lines else "nbgrader reported a failure (see the log)"


def _expected_notebooks(course: Course, assignment: str) -> list[str]:
    return [p.stem for p in course.release_notebooks(assignment)] or [p.stem for p in course.source_notebooks(assignment)]


def _zero_unusable_notebooks(course: Course, assignment: str, student: str) -> None:
    """Give zero on every graded cell of each notebook that intake could not stage (what nbgrader
    does for a missing notebook, but it skips that when no notebook at all is left)."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(), course.course_id()) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for nb in submission.notebooks:
            if not (course.autograded / student / assignment / f"{nb.name}.ipynb").exists():
                for grade in nb.grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
        gb.db.commit()


@dataclass(frozen=True)
class Limits:
    """Resource caps for each student kernel (sandbox only); None keeps ``nbgrader_config.py``'s value."""

    memory_mb: int | None = None
    max_pids: int | None = None
    threads: int | None = None


def prepare_manifests(course: Course, assignments: list[str], *, progress: bool = True) -> None:
    """Build (or find cached) the trusted verdict's manifest of every source notebook.

    Raises RuntimeError if an instructor's solution fails one of its own tests.
    """
    from course.grading.verdict import load_manifest, manifest_path

    todo = [(a, nb.stem) for a in assignments for nb in course.source_notebooks(a)]
    missing = [(a, nb) for a, nb in todo if not manifest_path(course.root, a, nb).is_file()]
    iterator = missing
    if progress and missing:
        from tqdm import tqdm

        iterator = tqdm(missing, desc="reference (instructor's solutions)", unit="notebook")
    for assignment, notebook in iterator:
        load_manifest(course.root, assignment, notebook)


def autograde(
    course: Course,
    assignments: list[str] | None = None,
    students: list[str] | None = None,
    *,
    progress: bool = True,
    sandbox: bool = True,
    limits: Limits = Limits(),
) -> list[Outcome]:
    """Autograde ``students`` (default: all in ``submitted/``) on ``assignments`` (default: all).

    With ``sandbox`` (the default) every kernel runs in the sandbox of :mod:`course.grading.sandbox`;
    :class:`SandboxUnavailable` says why when it cannot be set up. ``sandbox=False`` runs student
    code with the grader's own privileges: only for code you trust (the demo's own notebooks).
    """
    names = course.check_assignments(assignments)
    who = students or course.students()
    staging = course.root / INTAKE_DIR
    executor: dict = {"sandbox": bool(sandbox)}  # each kernel's run folder: a private one in the system's temp
    executor.update({k: v for k, v in (("memory_mb", limits.memory_mb), ("max_pids", limits.max_pids),
                                       ("threads", limits.threads)) if v is not None})
    sections: dict = {"CourseDirectory": {"submitted_directory": INTAKE_DIR}, "RobustExecute": executor,
                      "TrustedVerdict": {"course_root": str(course.root)}}
    if sandbox:
        from course.grading.execute import _sandbox_problem

        problem = _sandbox_problem()
        if problem:
            raise SandboxUnavailable(f"cannot sandbox student code: {problem}")
        from course.data import data_root
        from course.grading.execute import _prepare_data

        _prepare_data(data_root())  # the sandbox shows the data read-only: fetch it once, before the batch
    prepare_manifests(course, names, progress=progress)
    api = course.api(**sections)
    jobs = [(s, a) for s in who for a in names]
    outcomes: list[Outcome] = []
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="autograde", unit="submission")
    for student, assignment in iterator:
        outcomes.append(_grade_one(course, api, staging, student, assignment))
    shutil.rmtree(staging, ignore_errors=True)
    return outcomes


def _grade_one(course: Course, api, staging: Path, student: str, assignment: str) -> Outcome:
    """Intake, nbgrader's autograde and the faults of one submission; never raises."""
    folder = course.submitted / student / assignment
    try:
        if not folder.is_dir() or folder.is_symlink():
            return Outcome(student, assignment, "MISSING", "no submission")
        intake = stage_submission(folder, staging / student / assignment, _expected_notebooks(course, assignment),
                                  student, assignment)
    except Exception as exc:  # one submission must never stop the batch
        take_faults(str(course.autograded / student / assignment))
        return Outcome(student, assignment, "INVALID", f"intake failed: {type(exc).__name__}: {exc}")
    outcome = Outcome(student, assignment, "GRADED", details=list(intake.notes))
    if intake.status != "OK":
        outcome.status = intake.status
    try:
        result = api.autograde(assignment, student, force=True, create=True)
    except SandboxUnavailable:
        raise
    except Exception as exc:  # one submission must never stop the batch
        result = {"success": False, "log": f"[ERROR] {type(exc).__name__}: {exc}"}
    try:
        if intake.status != "OK":
            _zero_unusable_notebooks(course, assignment, student)
    except Exception as exc:
        outcome.details.append(f"could not record zeros for the unusable notebooks: {type(exc).__name__}: {exc}")
    faults = take_faults(str(course.autograded / student / assignment))
    outcome.details += [str(f) for f in faults]
    hints = hint_summary(course.autograded / student / assignment)  # what the grader recognised
    if hints:
        outcome.details.append(hints)
    serious = [f for f in faults if f.kind != "RECORDS DROPPED"]
    if serious and outcome.status == "GRADED":
        outcome.status = serious[0].kind
    if not result["success"] and intake.status == "OK":
        outcome.status = "ERROR"
        outcome.message = _last_error(result.get("log", ""))
    return outcome
