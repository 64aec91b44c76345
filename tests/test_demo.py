"""The main job end to end: build, autograde both demo students, feedback, table."""

from __future__ import annotations

import pytest

from course.grading.demo import DEMO_SOLUTION, DEMO_UNSOLVED, check_demo
from course.grading.report import collect_grades

pytestmark = pytest.mark.xdist_group("demo")  # one worker runs the (session-scoped) demo once


def test_demo_exit_code_and_table(demo_run):
    course, rc, out = demo_run
    assert rc == 0, out
    assert "demo OK" in out
    for a in course.assignments():
        assert a in out


def test_every_solution_scores_full_marks(demo_run):
    course, _, _ = demo_run
    rows = [r for r in collect_grades(course) if r.student == DEMO_SOLUTION and r.autograded]
    assert {r.assignment for r in rows} == set(course.assignments())
    bad = [f"{r.assignment}/{r.cell}: {r.score}/{r.max_score}" for r in rows if r.score != r.max_score]
    assert not bad


def test_every_release_notebook_scores_zero(demo_run):
    course, _, _ = demo_run
    rows = [r for r in collect_grades(course) if r.student == DEMO_UNSOLVED and r.autograded]
    assert {r.assignment for r in rows} == set(course.assignments())
    assert all(r.max_score > 0 for r in rows)
    assert [r for r in rows if r.score != 0] == []
    assert check_demo(course, course.assignments()) == []


def test_feedback_written_for_both_students(demo_run):
    course, _, _ = demo_run
    for student in (DEMO_SOLUTION, DEMO_UNSOLVED):
        for a in course.assignments():
            html = list((course.feedback / student / a).glob("*.html"))
            assert html, f"no feedback for {student}/{a}"


def test_demo_csv_written(demo_run):
    course, _, _ = demo_run
    csv = (course.root / "reports" / "demo-grades.csv").read_text()
    assert csv.startswith("student,assignment,notebook,cell")


def test_feedback_page_summary_maths_and_hints(demo_run):
    """The feedback page: a summary row per exercise linked to its cell, maths drawn as MathML (no MathJax,
    no script, nothing fetched), the unsolved notebook's failures explained, the solved one's never."""
    import re

    import nbformat

    from course.grading.diagnose import diagnosis_of

    course, _, _ = demo_run
    for a in course.assignments():
        for page in (course.feedback / DEMO_UNSOLVED / a).glob("*.html"):
            text = page.read_text(encoding="utf-8")
            assert 'class="course-summary"' in text and "Not answered yet" in text, page
            assert "<script" not in text.lower() and not re.search(r"""(src|href)=["']?https?:""", text), page
            assert "<math" in text and "$$" not in text, page
            anchors = re.findall(r'<a href="#([a-z0-9_]+)">', text)
            assert anchors and all(f'name="{x}"' in text for x in anchors), page
        for path in (course.autograded / DEMO_SOLUTION / a).glob("*.ipynb"):
            assert not [c for c in nbformat.read(path, as_version=4).cells if diagnosis_of(c)], path
