"""Shared fixtures: a throw-away copy of the course, and the demo run once per session."""

from __future__ import annotations

import io
import os
import shutil
from contextlib import redirect_stdout
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Tests never download: they use the local mirror (CI sets it; default: ../shared/datasets).
if not os.environ.get("COURSE_DATA_MIRROR") and (REPO.parent / "shared" / "datasets").is_dir():
    os.environ["COURSE_DATA_MIRROR"] = str(REPO.parent / "shared" / "datasets")


def pytest_configure(config):
    import answer_harness

    answer_harness.kernel_env_single_thread()
    # the trusted verdict's manifests (one run of each instructor notebook), shared by every course
    # copy of the session: keyed by the notebook's hash, so a stale one is never used
    os.environ.setdefault("COURSE_MANIFEST_CACHE", str(answer_harness.REPO / ".course" / "manifests"))
    if not hasattr(config, "workerinput"):  # the controller (or a run without xdist) starts afresh
        shutil.rmtree(answer_harness.RESULTS, ignore_errors=True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    import answer_harness

    table = answer_harness.mutation_table()
    if table:
        terminalreporter.section("mutation score (answer catalogue)")
        terminalreporter.write_line(table)
    hints = answer_harness.hint_table()
    if hints:
        terminalreporter.section("hints (what the grader recognises in the answer catalogue)")
        terminalreporter.write_line(hints)


def copy_course(dest: Path) -> Path:
    """A copy of the course (config, source/, release/) at ``dest``, with no gradebook."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", dest / "nbgrader_config.py")
    shutil.copytree(REPO / "source", dest / "source")
    if (REPO / "release").is_dir():
        shutil.copytree(REPO / "release", dest / "release")
    return dest


@pytest.fixture
def course_copy(tmp_path: Path):
    from course.grading.coursedir import Course

    return Course(copy_course(tmp_path / "course"))


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory):
    """Run ``course demo`` once on a copy of the course: (course, exit code, printed output)."""
    from course.grading.coursedir import Course
    from course.grading.demo import run_demo

    course = Course(copy_course(tmp_path_factory.mktemp("demo") / "course"))
    out = io.StringIO()
    with redirect_stdout(out):
        rc = run_demo(course, progress=False)
    return course, rc, out.getvalue()
