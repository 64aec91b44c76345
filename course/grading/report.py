"""``course report``: scores from the gradebook, per student and assignment, and per graded cell."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["CellGrade", "collect_grades", "score_table", "write_csv"]


@dataclass(frozen=True)
class CellGrade:
    """One graded cell of one submission, as the gradebook holds it."""

    student: str
    assignment: str
    notebook: str
    cell: str
    autograded: bool  # a test cell (not a manually graded answer)
    score: float
    max_score: float


def collect_grades(course: Course, assignments: list[str] | None = None) -> list[CellGrade]:
    """Every grade in the gradebook (for ``assignments``, default all), sorted."""
    from nbgrader.api import Gradebook, MissingEntry

    rows: list[CellGrade] = []
    if not course.has_gradebook():
        return rows
    with Gradebook(course.db_url(), course.course_id()) as gb:
        for assignment in gb.assignments:
            if assignments and assignment.name not in assignments:
                continue
            for sub in gb.assignment_submissions(assignment.name):
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        try:
                            gb.find_solution_cell(grade.name, nb.name, assignment.name)
                            auto = False
                        except MissingEntry:
                            auto = True
                        rows.append(
                            CellGrade(
                                sub.student.id, assignment.name, nb.name, grade.name, auto,
                                float(grade.score or 0.0), float(grade.max_score),
                            )
                        )
    rows.sort(key=lambda r: (r.student, r.assignment, r.notebook, r.cell))
    return rows


def score_table(rows: list[CellGrade], *, autograded_only: bool = False) -> str:
    """A text table: one row per student, one column per assignment (``score/max``), and a total."""
    use = [r for r in rows if r.autograded or not autograded_only]
    students = sorted({r.student for r in use})
    assignments = sorted({r.assignment for r in use})
    cells: dict[tuple[str, str], list[float]] = {}
    for r in use:
        s, m = cells.get((r.student, r.assignment), [0.0, 0.0])
        cells[(r.student, r.assignment)] = [s + r.score, m + r.max_score]
    header = ["student", *assignments, "total"]
    body = []
    for st in students:
        total = [0.0, 0.0]
        line = [st]
        for a in assignments:
            if (st, a) in cells:
                s, m = cells[(st, a)]
                total[0] += s
                total[1] += m
                line.append(f"{s:g}/{m:g}")
            else:
                line.append("-")
        line.append(f"{total[0]:g}/{total[1]:g}")
        body.append(line)
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body)]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*line) for line in body]
    return "\n".join(out)


def write_csv(rows: list[CellGrade], path: Path) -> Path:
    """Write one line per graded cell to ``path`` (for spreadsheets and LMS upload)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["student", "assignment", "notebook", "cell", "autograded", "score", "max_score"])
        for r in rows:
            w.writerow([r.student, r.assignment, r.notebook, r.cell, r.autograded, r.score, r.max_score])
    return path
