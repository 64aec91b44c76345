"""LMS downloads are collected into submitted/ by nbgrader's zip_collect."""

from __future__ import annotations

import zipfile

import pytest

from course.grading.collect import collect


@pytest.fixture
def notebook_bytes(course_copy):
    return course_copy.release_notebooks("a1_mlp_basics")[0].read_bytes()


def test_canvas_zip(course_copy, notebook_bytes, tmp_path):
    z = tmp_path / "submissions.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("alice_1234_5678_mlp_basics.ipynb", notebook_bytes)
        zf.writestr("bob_late_2345_6789_mlp_basics-1.ipynb", notebook_bytes)
        zf.writestr("carol_3456_7890_notes.txt", b"not a notebook")
    students = collect(course_copy, "a1_mlp_basics", [z], "canvas")
    assert students == ["alice", "bob"]
    for s in students:
        assert (course_copy.submitted / s / "a1_mlp_basics" / "mlp_basics.ipynb").read_bytes() == notebook_bytes


def test_moodle_zip_flat_and_folders(course_copy, notebook_bytes, tmp_path):
    z = tmp_path / "moodle.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("Jane Doe_10234_assignsubmission_file_mlp_basics.ipynb", notebook_bytes)
        zf.writestr("John Roe_10235_assignsubmission_file_/mlp_basics.ipynb", notebook_bytes)
    assert collect(course_copy, "a1_mlp_basics", [z], "moodle") == ["10234", "10235"]


def test_unknown_lms(course_copy, tmp_path):
    with pytest.raises(ValueError, match="canvas, moodle"):
        collect(course_copy, "a1_mlp_basics", [], "blackboard")
