"""Which mistakes the class makes: the grader's diagnoses, read back from ``autograded/``.

The trusted verdict keeps each failing test cell's diagnosis in the cell's metadata
(:func:`course.grading.diagnose.set_diagnosis`); :func:`collect_diagnoses` reads them from every
autograded notebook, :func:`hint_summary` makes the one line ``course autograde`` prints per
submission, and :func:`mistake_table` the table ``course report`` prints: per test cell, each
diagnosis and how many students got it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat

from course.grading.coursedir import Course
from course.grading.diagnose import Diagnosis, diagnosis_of
from course.grading.preprocessors import is_test_cell

__all__ = ["Diagnosed", "collect_diagnoses", "hint_summary", "mistake_table", "submission_diagnoses"]


@dataclass(frozen=True)
class Diagnosed:
    """One diagnosis of one test cell of one submission."""

    student: str
    assignment: str
    notebook: str
    cell: str
    diagnosis: Diagnosis


def submission_diagnoses(folder: Path) -> list[tuple[str, str, Diagnosis]]:
    """``(notebook, test cell, diagnosis)`` for every diagnosed test cell of ``autograded/<s>/<a>/``."""
    out = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in nb.cells:
            d = diagnosis_of(cell) if is_test_cell(cell) else None
            if d is not None:
                out.append((path.stem, cell.metadata["nbgrader"].get("grade_id", ""), d))
    return out


def hint_summary(folder: Path) -> str | None:
    """One line for ``course autograde``: what the grader recognised in a submission (None: nothing)."""
    found = submission_diagnoses(folder)
    if not found:
        return None
    labels = [(cell, d.key if d.kind == "catalogue" else "generic " + d.key) for _, cell, d in found]
    counts = Counter(label for _, label in labels)
    parts, done = [], set()
    for cell, label in labels:
        if counts[label] > 2:  # an unsolved notebook: "generic unanswered in 12 cells", not twelve entries
            if label not in done:
                parts.append(f"{label} in {counts[label]} cells")
                done.add(label)
        else:
            parts.append(f"{cell}: {label}")
    return "diagnosed: " + "; ".join(parts)


def collect_diagnoses(course: Course, assignments: list[str] | None = None) -> list[Diagnosed]:
    """Every diagnosis in ``autograded/`` (for ``assignments``, default all)."""
    rows: list[Diagnosed] = []
    if not course.autograded.is_dir():
        return rows
    for student_dir in sorted(p for p in course.autograded.iterdir() if p.is_dir()):
        for assignment_dir in sorted(p for p in student_dir.iterdir() if p.is_dir()):
            if assignments and assignment_dir.name not in assignments:
                continue
            for notebook, cell, d in submission_diagnoses(assignment_dir):
                rows.append(Diagnosed(student_dir.name, assignment_dir.name, notebook, cell, d))
    return rows


def mistake_table(rows: list[Diagnosed], *, width: int = 64) -> str:
    """A text table: per test cell, each diagnosis (a catalogued mistake or a generic finding), how many
    students got it, and the start of its hint; the most frequent first."""
    counts = Counter((r.assignment, r.notebook, r.cell, r.diagnosis.kind, r.diagnosis.key) for r in rows)
    hints = {(r.assignment, r.notebook, r.cell, r.diagnosis.kind, r.diagnosis.key): r.diagnosis.hint for r in rows}
    header = ["students", "assignment/notebook", "test cell", "mistake", "hint"]
    body = []
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        a, nb, cell, kind, name = key
        hint = hints[key] if len(hints[key]) <= width else hints[key][: width - 3] + "..."
        body.append([str(n), f"{a}/{nb}", cell, name if kind == "catalogue" else f"(generic) {name}", hint])
    if not body:
        return "no diagnoses"
    widths = [max(len(x) for x in col) for col in zip(header, *body)]
    fmt = "  ".join(f"{{:{'>' if i == 0 else '<'}{w}}}" for i, w in enumerate(widths))
    lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*line) for line in body]
    return "\n".join(line.rstrip() for line in lines)
