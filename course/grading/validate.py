"""``course validate``: run nbgrader's validator on the instructor and student notebooks.

Every source notebook must pass all its tests; every release notebook must fail them
(nbgrader's ``--invert``): a test that passes on the unsolved version cannot tell
right from wrong. Then each source notebook's tests must be fair to every correct answer whatever
random numbers it draws: :func:`course.grading.verdict.rng_dependence` runs the solution again with
the global random state perturbed and names each check whose value then fails.
"""

from __future__ import annotations

from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["validate_notebook", "validate"]


def validate_notebook(course: Course, path: Path, *, invert: bool = False) -> tuple[bool, str]:
    """Validate one notebook; returns ``(ok, summary)``."""
    from nbgrader.validator import Validator

    validator = Validator(config=course.config(), invert=invert)
    result = validator.validate(str(path))
    if invert:
        passed = result.get("passed", [])
        ok = not passed
        summary = "all tests fail, as they should" if ok else f"{len(passed)} test cell(s) pass without a solution"
    else:
        problems = result.get("failed", []) + result.get("changed", []) + result.get("errored", [])
        ok = not problems
        summary = "all tests pass" if ok else f"{len(problems)} test cell(s) fail or error"
    return ok, summary


def validate(course: Course, assignments: list[str] | None = None, *, progress: bool = True) -> bool:
    """Validate source (expect pass) and release (expect fail) notebooks; print one line each."""
    jobs = []
    for a in course.check_assignments(assignments):
        jobs += [(p, False) for p in course.source_notebooks(a)]
        jobs += [(p, True) for p in course.release_notebooks(a)]
    all_ok = True
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="validate", unit="notebook")
    lines = []
    for path, invert in iterator:
        ok, summary = validate_notebook(course, path, invert=invert)
        all_ok &= ok
        lines.append(f"{'ok  ' if ok else 'FAIL'} {path.relative_to(course.root)}: {summary}")
    print("\n".join(lines))
    from course.grading.verdict import load_manifest, rng_dependence

    notebooks = [(a, p.stem) for a in course.check_assignments(assignments) for p in course.source_notebooks(a)]
    if progress:
        from tqdm import tqdm

        notebooks = tqdm(notebooks, desc="random-state check", unit="notebook")
    problems = []
    for a, nb in notebooks:
        problems += rng_dependence(course.root, a, nb, load_manifest(course.root, a, nb))
    if problems:
        print("FAIL these checks depend on the random numbers the answer draws (a correct answer that draws "
              "in another order would fail them): make their inputs from the test's own generator")
        print("\n".join(f"  {p}" for p in problems))
    else:
        print("ok   no check depends on the answer's random draws")
    return all_ok and not problems
