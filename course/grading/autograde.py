"""``course autograde``: grade every submission in ``submitted/`` with nbgrader, one at a time.

A submission that nbgrader cannot grade gets an entry in the run's report and the batch
goes on. Submissions are read, never written: nbgrader copies them to ``autograded/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from course.grading.coursedir import Course

__all__ = ["Outcome", "autograde"]


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment."""

    student: str
    assignment: str
    status: str  # GRADED, MISSING, ERROR
    message: str = ""
    details: list[str] = field(default_factory=list)


def _last_error(log: str) -> str:
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return lines[-1].strip() if lines else "nbgrader reported a failure (see the log)"


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
    api = course.api()
    jobs = [(s, a) for s in who for a in names]
    outcomes: list[Outcome] = []
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="autograde", unit="submission")
    for student, assignment in iterator:
        folder = course.submitted / student / assignment
        if not folder.is_dir():
            outcomes.append(Outcome(student, assignment, "MISSING", f"no folder {folder.relative_to(course.root)}"))
            continue
        try:
            result = api.autograde(assignment, student, force=True, create=True)
        except Exception as exc:  # one submission must never stop the batch
            outcomes.append(Outcome(student, assignment, "ERROR", f"{type(exc).__name__}: {exc}"))
            continue
        if result["success"]:
            outcomes.append(Outcome(student, assignment, "GRADED"))
        else:
            outcomes.append(Outcome(student, assignment, "ERROR", _last_error(result.get("log", ""))))
    return outcomes
