"""``course feedback``: HTML feedback for every autograded submission (``nbgrader generate_feedback``)."""

from __future__ import annotations

from course.grading.coursedir import Course

__all__ = ["generate_feedback"]


def generate_feedback(
    course: Course,
    assignments: list[str] | None = None,
    students: list[str] | None = None,
    *,
    progress: bool = True,
) -> list[tuple[str, str, bool]]:
    """Write ``feedback/<student>/<assignment>/*.html``; returns ``(student, assignment, ok)`` rows."""
    names = course.check_assignments(assignments)
    who = students or course.students()
    api = course.api()
    jobs = [(s, a) for s in who for a in names if (course.autograded / s / a).is_dir()]
    rows = []
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="feedback", unit="submission")
    for student, assignment in iterator:
        result = api.generate_feedback(assignment, student, force=True)
        rows.append((student, assignment, bool(result["success"])))
    return rows
