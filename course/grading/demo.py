"""``course demo``: the whole pipeline on two demo students per assignment.

``demo-solution`` hands in the instructor's notebooks and must get full marks;
``demo-unsolved`` hands in the untouched student version and must get zero on every
autograded cell, without stopping the batch.
"""

from __future__ import annotations

import shutil

from course.grading.autograde import autograde
from course.grading.build import build
from course.grading.coursedir import Course
from course.grading.feedback import generate_feedback
from course.grading.report import collect_grades, score_table, write_csv

__all__ = ["DEMO_SOLUTION", "DEMO_UNSOLVED", "make_demo_submissions", "run_demo", "check_demo"]

DEMO_SOLUTION = "demo-solution"
DEMO_UNSOLVED = "demo-unsolved"


def make_demo_submissions(course: Course, assignments: list[str]) -> None:
    """Write ``submitted/demo-solution/`` (source notebooks) and ``submitted/demo-unsolved/`` (release)."""
    for student, notebooks in ((DEMO_SOLUTION, course.source_notebooks), (DEMO_UNSOLVED, course.release_notebooks)):
        for a in assignments:
            dest = course.submitted / student / a
            if dest.exists():
                shutil.rmtree(dest)
            dest.mkdir(parents=True)
            for nb in notebooks(a):
                shutil.copyfile(nb, dest / nb.name)


def check_demo(course: Course, assignments: list[str]) -> list[str]:
    """Problems with the demo's grades: anything short of full marks / zero. Empty when all is well."""
    rows = [r for r in collect_grades(course, assignments) if r.autograded]
    problems = []
    for student, want in ((DEMO_SOLUTION, "full"), (DEMO_UNSOLVED, "zero")):
        mine = [r for r in rows if r.student == student]
        graded = {r.assignment for r in mine}
        problems += [f"{student}: no grades for {a}" for a in assignments if a not in graded]
        for r in mine:
            ok = r.score == r.max_score if want == "full" else r.score == 0
            if not ok:
                problems.append(
                    f"{student}: {r.assignment}/{r.notebook} cell {r.cell} scored {r.score:g}/{r.max_score:g} "
                    f"(expected {'full marks' if want == 'full' else 'zero'})"
                )
    return problems


def run_demo(course: Course, assignments: list[str] | None = None, *, progress: bool = True,
             workers: int | None = None) -> int:
    """Build, submit, autograde (``workers`` at once; default: the number of cores), give feedback, print
    the table; 0 when every expectation holds."""
    names = course.check_assignments(assignments)
    print(f"[1/5] build: {len(names)} assignment(s) -> release/")
    build(course, names, progress=progress)
    print("[2/5] demo submissions: demo-solution (instructor notebooks), demo-unsolved (student versions)")
    make_demo_submissions(course, names)
    from course.grading.sandbox import sandbox_problem

    problem = sandbox_problem()
    if problem:
        print(f"[3/5] autograde WITHOUT the sandbox ({problem}); acceptable here only because the demo "
              "grades the instructor's own notebooks")
    else:
        print("[3/5] autograde, every kernel in the sandbox")
    outcomes = autograde(course, names, [DEMO_SOLUTION, DEMO_UNSOLVED], progress=progress, sandbox=problem is None,
                         workers=workers, force=True)
    for o in outcomes:
        if o.status != "GRADED":
            print(f"  {o}")
    print("[4/5] feedback -> feedback/")
    for student, a, ok in generate_feedback(course, names, [DEMO_SOLUTION, DEMO_UNSOLVED], progress=progress):
        if not ok:
            print(f"  feedback failed for {student}/{a}")
    print("[5/5] scores (autograded cells)\n")
    rows = collect_grades(course, names)
    print(score_table(rows, autograded_only=True))
    write_csv(rows, course.root / "reports" / "demo-grades.csv")
    problems = check_demo(course, names)
    print()
    if problems:
        print("DEMO FAILED:")
        for p in problems:
            print("  " + p)
        return 1
    print("demo OK: solutions score full marks, untouched student versions score zero on every autograded cell.")
    return 0
