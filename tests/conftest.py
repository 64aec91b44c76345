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


def _postgres_bin() -> Path | None:
    for version in ("15", *sorted((p.name for p in Path("/usr/lib/postgresql").glob("*")), reverse=True)):
        folder = Path("/usr/lib/postgresql") / version / "bin"
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


@pytest.fixture(scope="session")
def postgres():
    """A throw-away PostgreSQL cluster on 127.0.0.1 (Debian's binaries, run as the postgres user), stopped
    afterwards. Yields a function ``new_db() -> db_url`` that creates an empty database."""
    import pwd
    import socket
    import subprocess
    import tempfile
    import uuid

    binaries = _postgres_bin()
    if binaries is None or os.geteuid() != 0:
        pytest.skip("PostgreSQL is not installed (./run test installs it as root: apt-get install postgresql)")
    try:
        pg = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("no postgres user (apt-get install postgresql creates it)")
    folder = Path(tempfile.mkdtemp(prefix="course-pg-"))  # not under pytest's 0700 folders: postgres must reach it
    os.chown(folder, pg.pw_uid, pg.pw_gid)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    as_postgres = {"user": pg.pw_uid, "group": pg.pw_gid, "extra_groups": [], "cwd": folder,
                   "env": {"PATH": f"{binaries}:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(folder)},
                   "capture_output": True, "text": True, "timeout": 120}
    data = folder / "data"
    done = subprocess.run([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "grader"], **as_postgres)
    assert done.returncode == 0, done.stdout + done.stderr
    options = f"-k {folder} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off"
    done = subprocess.run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-o", options, "-w",
                           "start"], **as_postgres)
    assert done.returncode == 0, done.stdout + done.stderr + (folder / "log").read_text()

    def new_db() -> str:
        import psycopg

        name = f"course_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(f"host=127.0.0.1 port={port} user=grader dbname=postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://grader@127.0.0.1:{port}/{name}"

    try:
        yield new_db
    finally:
        subprocess.run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], **as_postgres)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def record_dir(tmp_path, monkeypatch):
    """An empty record folder, named in COURSE_RECORD_DIR as the grader names it to a kernel."""
    folder = tmp_path / "records"
    folder.mkdir()
    monkeypatch.setenv("COURSE_RECORD_DIR", str(folder))
    return folder
