"""``course autograde``: grade every submission in ``submitted/``, one at a time, and never stop.

For each student and assignment:

1. intake (:mod:`course.grading.intake`) checks the submitted files and stages a clean copy under
   ``.course/intake/``; the submission itself is only read;
2. nbgrader autogrades the staged copy into ``autograded/`` and the gradebook, with the course's
   steps configured in ``nbgrader_config.py`` (deleted tests restored, cell-by-cell execution that
   survives a dead or stuck kernel, test-cell outputs cleaned);
3. the outcome records what happened: GRADED, or MISSING / INVALID (intake), TIMEOUT /
   KERNEL DIED (execution), ERROR (nbgrader failed; the message says why).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

from course.grading.coursedir import Course
from course.grading.execute import take_faults
from course.grading.intake import stage_submission

__all__ = ["INTAKE_DIR", "Outcome", "autograde"]

INTAKE_DIR = ".course/intake"


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment."""

    student: str
    assignment: str
    status: str  # GRADED, MISSING, INVALID, TIMEOUT, KERNEL DIED, ERROR
    message: str = ""
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.status:11s} {self.student}/{self.assignment}"
        if self.message:
            text += f": {self.message}"
        return text + "".join(f"\n              - {d}" for d in self.details)


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


def autograde(
    course: Course,
    assignments: list[str] | None = None,
    students: list[str] | None = None,
    *,
    progress: bool = True,
) -> list[Outcome]:
    """Autograde ``students`` (default: all in ``submitted/``) on ``assignments`` (default: all)."""
    names = course.check_assignments(assignments)
    who = students or course.students()
    staging = course.root / INTAKE_DIR
    api = course.api(CourseDirectory={"submitted_directory": INTAKE_DIR})
    jobs = [(s, a) for s in who for a in names]
    outcomes: list[Outcome] = []
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="autograde", unit="submission")
    for student, assignment in iterator:
        folder = course.submitted / student / assignment
        if not folder.is_dir() or folder.is_symlink():
            outcomes.append(Outcome(student, assignment, "MISSING", "no submission"))
            continue
        intake = stage_submission(folder, staging / student / assignment, _expected_notebooks(course, assignment),
                                  student, assignment)
        outcome = Outcome(student, assignment, "GRADED", details=list(intake.notes))
        if intake.status != "OK":
            outcome.status = intake.status
        try:
            result = api.autograde(assignment, student, force=True, create=True)
        except Exception as exc:  # one submission must never stop the batch
            result = {"success": False, "log": f"[ERROR] {type(exc).__name__}: {exc}"}
        if intake.status != "OK":
            _zero_unusable_notebooks(course, assignment, student)
        faults = take_faults(str(course.autograded / student / assignment))
        outcome.details += [str(f) for f in faults]
        if faults and outcome.status == "GRADED":
            outcome.status = faults[0].kind
        if not result["success"] and intake.status == "OK":
            outcome.status = "ERROR"
            outcome.message = _last_error(result.get("log", ""))
        outcomes.append(outcome)
    shutil.rmtree(staging, ignore_errors=True)
    return outcomes
