"""release/ is generated: it equals a fresh build and leaks nothing from source/."""

from __future__ import annotations

import json
from pathlib import Path

from course.grading.build import build, find_leaks, hidden_lines
from course.grading.coursedir import Course

REPO = Path(__file__).resolve().parent.parent


def _tree(root: Path) -> dict[str, object]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            rel = p.relative_to(root).as_posix()
            out[rel] = json.loads(p.read_text()) if p.suffix == ".ipynb" else p.read_bytes()
    return out


def test_release_equals_a_fresh_build(course_copy):
    build(course_copy)
    fresh = _tree(course_copy.release)
    committed = _tree(REPO / "release")
    assert sorted(fresh) == sorted(committed), "release/ has files a build would not make (or lacks some)"
    drift = [name for name in fresh if fresh[name] != committed[name]]
    assert not drift, f"release/ drifted from source/: run `./run course build` and commit. Drifted: {drift}"


def test_committed_release_leaks_nothing():
    assert find_leaks(Course(REPO)) == []


def test_leak_scan_finds_a_planted_solution_line(course_copy):
    build(course_copy)
    a = course_copy.assignments()[0]
    src = course_copy.source_notebooks(a)[0]
    secret = sorted(hidden_lines(src))[0]
    rel = course_copy.release_notebooks(a)[0]
    nb = json.loads(rel.read_text())
    nb["cells"][-1]["source"] = secret
    rel.write_text(json.dumps(nb))
    leaks = find_leaks(course_copy, [a])
    assert any(leak.text == secret.strip() for leak in leaks)


def test_hidden_lines_are_found_in_every_source_notebook():
    course = Course(REPO)
    for a in course.assignments():
        for nb in course.source_notebooks(a):
            assert len(hidden_lines(nb)) > 10, nb
