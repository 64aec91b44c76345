"""Regenerate the catalogue's fingerprints: ``python tests/fingerprints.py [--hints-only] [ASSIGNMENT [NOTEBOOK]]``.

Runs the wrong-answer walk of each source notebook (every catalogued wrong answer of it, judged as
the grader judges it) and writes, next to the notebook:

* ``source/<assignment>/<notebook>.fingerprints.json``: for every wrong answer, its hint and the
  evidence its code produced in each test cell it fails (instructor-only: ``c.CourseDirectory.ignore``
  keeps it out of ``release/``; the grader reads it through the notebook's manifest);
* ``source/<assignment>/<notebook>.hints.json``: the same, for visible checks only (shipped with the
  release: ``./run course build`` copies it into ``release/``).

``--hints-only`` only puts the catalogue's current hints into the stored files (no notebook runs: for
a change of wording). Run it without after changing a notebook's tests or the catalogue (``tests/test_answers.py`` fails and says so
when the stored fingerprints no longer give each wrong answer its hint), then ``./run course build``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_harness import REPO, kernel_env_single_thread, load_answers, walk_wrong_answers  # noqa: E402


def mistakes_of(answers, results) -> dict[str, dict]:
    """The fingerprint of every wrong answer of one notebook, from its walk's results."""
    out = {}
    for a in answers:
        diagnosis = results[a.id]["diagnosis"]
        cells = {gid: d["evidence"] for gid, d in diagnosis.items() if d["evidence"]}
        out[mistake_key(a)] = {"hint": a.hint, "cells": cells}
    return out


def mistake_key(answer) -> str:
    """A wrong answer's name in the fingerprint files: ``<solution cell>/<short name>``."""
    return f"{answer.cell}/{answer.name}"


def regenerate(assignment: str, notebook: str) -> tuple[Path, Path]:
    from course.grading.diagnose import fingerprint_files, fingerprint_paths

    path = REPO / "source" / assignment / f"{notebook}.ipynb"
    wrong = [a for a in load_answers() if (a.assignment, a.notebook, a.kind) == (assignment, notebook, "wrong")]
    with tempfile.TemporaryDirectory() as tmp:
        results = walk_wrong_answers(path, wrong, Path(tmp) / "walk")
    private, public = fingerprint_files(path, mistakes_of(wrong, results))
    paths = fingerprint_paths(path)
    paths[0].write_text(private, encoding="utf-8")
    paths[1].write_text(public, encoding="utf-8")
    return paths


def rehint(assignment: str, notebook: str) -> tuple[Path, Path]:
    """Only the hints changed: put the catalogue's current hints into the stored files (no notebook runs)."""
    from course.grading.diagnose import fingerprint_files, fingerprint_paths, load_fingerprints

    path = REPO / "source" / assignment / f"{notebook}.ipynb"
    stored = load_fingerprints(path)
    wrong = {mistake_key(a): a for a in load_answers() if (a.assignment, a.notebook, a.kind) == (assignment, notebook, "wrong")}
    if set(wrong) != set(stored.get("mistakes", {})):
        raise SystemExit(f"{assignment}/{notebook}: the catalogue's wrong answers changed: regenerate without --hints-only")
    mistakes = {k: {"hint": wrong[k].hint, "cells": m["cells"]} for k, m in stored["mistakes"].items()}
    private, public = fingerprint_files(path, mistakes)
    paths = fingerprint_paths(path)
    paths[0].write_text(private, encoding="utf-8")
    paths[1].write_text(public, encoding="utf-8")
    return paths


def main(argv: list[str]) -> int:
    kernel_env_single_thread()
    hints_only = "--hints-only" in argv
    argv = [a for a in argv if a != "--hints-only"]
    notebooks = sorted((REPO / "source").glob("*/*.ipynb"))
    if argv:
        notebooks = [p for p in notebooks if p.parent.name == argv[0] and (len(argv) < 2 or p.stem == argv[1])]
        if not notebooks:
            print(f"no source notebook matches {' '.join(argv)}")
            return 1
    for path in notebooks:
        written = (rehint if hints_only else regenerate)(path.parent.name, path.stem)
        sizes = ", ".join(f"{p.name} ({p.stat().st_size // 1024} KiB)" for p in written)
        print(f"{path.parent.name}/{path.stem}: wrote {sizes}")
    print("now run ./run course build and commit source/ and release/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
