"""Grading a class in parallel: a local pool of workers and a Dask cluster give the same grades, on
SQLite and PostgreSQL; a worker killed mid-batch costs no grade and doubles none; a second run skips
what is unchanged; Ctrl-C stops cleanly. All on the tiny adversarial assignment (tests/adversarial/adv.txt)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from answer_harness import splice

from course.grading.autograde import autograde
from course.grading.build import build
from course.grading.coursedir import Course
from course.grading.nbtext import from_text
from course.grading.report import collect_grades
from course.grading.sandbox import sandbox_problem

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
FULL = {"test_double": 1.0, "test_square": 2.0, "test_cube": 1.0}
WRONG_SQUARE = {"test_double": 1.0, "test_square": 0.0, "test_cube": 1.0}
ZERO = {"test_double": 0.0, "test_square": 0.0, "test_cube": 0.0}

pytestmark = [
    pytest.mark.xdist_group("parallel"),
    pytest.mark.skipif(sandbox_problem() is not None, reason=f"no sandbox here: {sandbox_problem()}"),
]


def _variants(sol, rel) -> dict:
    return {"solved": (sol, FULL), "unsolved": (rel, ZERO),
            "wrong-square": (splice(sol, {"square": "def square(x):\n    return x + 1"}), WRONG_SQUARE)}


def make_course(root: Path, submissions: dict[str, str], db_url: str | None = None) -> Course:
    """The tiny assignment, built, with ``student -> variant`` submissions (see :func:`_variants`)."""
    (root / "source" / "adv").mkdir(parents=True)
    config = (REPO / "nbgrader_config.py").read_text() + "\nc.Execute.timeout = 60\n"
    if db_url:
        config += f"c.CourseDirectory.db_url = {db_url!r}\n"
    (root / "nbgrader_config.py").write_text(config)
    nbformat.write(from_text((HERE / "adversarial" / "adv.txt").read_text()), str(root / "source" / "adv" / "adv.ipynb"))
    course = Course(root)
    build(course, ["adv"])
    sol = nbformat.read(root / "source" / "adv" / "adv.ipynb", as_version=4)
    rel = nbformat.read(root / "release" / "adv" / "adv.ipynb", as_version=4)
    variants = _variants(sol, rel)
    for student, variant in submissions.items():
        dest = course.submitted / student / "adv"
        dest.mkdir(parents=True)
        nbformat.write(variants[variant][0], str(dest / "adv.ipynb"))
    return course


def expected(submissions: dict[str, str]) -> dict[str, dict[str, float]]:
    return {s: {"solved": FULL, "unsolved": ZERO, "wrong-square": WRONG_SQUARE}[v] for s, v in submissions.items()}


def grades(course: Course) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for row in collect_grades(course, ["adv"]):
        out.setdefault(row.student, {})[row.cell] = row.score
    return out


def grade_rows(course: Course) -> dict[str, list[str]]:
    """student -> the graded cells of each grade row the gradebook holds for the submission (a doubled
    or lost grade shows here)."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(), course.course_id()) as gb:
        return {sub.student.id: sorted(g.name for nb in sub.notebooks for g in nb.grades)
                for sub in gb.assignment_submissions("adv")}


def _ppid(pid: int) -> int:
    text = Path(f"/proc/{pid}/stat").read_text()
    return int(text[text.rindex(")") + 2:].split()[1])


def _descends_from(pid: int, ancestor: int) -> bool:
    for _ in range(20):
        if pid == ancestor:
            return True
        if pid <= 1:
            return False
        try:
            pid = _ppid(pid)
        except (OSError, ValueError):
            return False
    return False


def kernel_launchers() -> list[tuple[int, int, str]]:
    """(launcher pid, its parent pid, the student it grades) of every sandboxed kernel running now."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            if b"course.grading.sandbox" not in argv or b"--run" not in argv:
                continue
            run = Path(argv[argv.index(b"--run") + 1].decode())
            workdir = Path(json.loads((run / "sandbox.json").read_text())["workdir"])
            found.append((int(proc.name), _ppid(int(proc.name)), workdir.parent.name))
        except (OSError, ValueError, KeyError, IndexError):
            continue
    return found


class WorkerKiller(threading.Thread):
    """SIGKILLs the worker process (a child of this test process) grading a target student, while its
    kernel runs: ``targets`` says how many times per student."""

    def __init__(self, targets: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.targets = dict(targets)
        self.kills: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        killed: set[int] = set()
        while not self.done.is_set():
            for _pid, worker, student in kernel_launchers():
                if worker in killed or self.kills.get(student, 0) >= self.targets.get(student, 0):
                    continue
                if _descends_from(worker, os.getpid()):
                    os.kill(worker, signal.SIGKILL)
                    killed.add(worker)
                    self.kills[student] = self.kills.get(student, 0) + 1
            time.sleep(0.1)


# --------------------------------------------------------------------------------------------- SQLite

SQLITE = {"alice": "solved", "bob": "unsolved", "carol": "wrong-square", "dave": "solved"}


@pytest.fixture(scope="module")
def sqlite_course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("parallel") / "course", SQLITE)
    outcomes = autograde(course, ["adv"], progress=False, workers=2)
    yield course, outcomes, grades(course)
    shutil.rmtree(course.root, ignore_errors=True)


def test_pool_grades_every_submission(sqlite_course):
    course, outcomes, got = sqlite_course
    assert [o.student for o in outcomes] == sorted(SQLITE)
    assert all(o.status == "GRADED" and o.seconds and o.seconds > 0 for o in outcomes), [str(o) for o in outcomes]
    assert got == expected(SQLITE)
    assert grade_rows(course) == {s: sorted(FULL) for s in SQLITE}
    for student in SQLITE:
        assert (course.autograded / student / "adv" / "adv.ipynb").is_file()


def test_dask_cluster_gives_the_pool_grades_cell_by_cell(sqlite_course):
    from distributed import LocalCluster

    course, pool_outcomes, pool_grades = sqlite_course
    # the workers preload the grading code, as the README tells an instructor to start them
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, preload=["course.grading.preload"]) as cluster:
        outcomes = autograde(course, ["adv"], progress=False, scheduler=cluster.scheduler_address, force=True)
    assert [(o.student, o.status) for o in outcomes] == [(o.student, o.status) for o in pool_outcomes]
    assert not any(o.skipped for o in outcomes)
    assert grades(course) == pool_grades
    assert grade_rows(course) == {s: sorted(FULL) for s in SQLITE}


def test_the_workers_server_preloads_the_grading_code():
    """The fork server imports what a job needs (a failed import there would be silent: every job would
    pay for it instead), and the grading processes still validate notebooks."""
    import subprocess
    import sys

    code = ("import sys, course.grading.preload, nbformat; "
            "print(*(m in sys.modules for m in ('torch', 'nbgrader.apps', 'course.grading.job', "
            "'course.grading.verdict', 'matplotlib.font_manager'))); "
            "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])); print('valid')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"] * 5 + ["valid"]


def test_second_run_skips_unchanged_and_grades_changed(sqlite_course):
    course, _, _ = sqlite_course
    again = autograde(course, ["adv"], progress=False, workers=2)
    assert all(o.skipped and o.status == "GRADED" and o.seconds is None for o in again)
    # carol fixes her answer: only her submission is graded again
    path = course.submitted / "carol" / "adv" / "adv.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbformat.write(splice(nb, {"square": "def square(x):\n    return x * x"}), str(path))
    third = {o.student: o for o in autograde(course, ["adv"], progress=False, workers=2)}
    assert [s for s, o in third.items() if not o.skipped] == ["carol"]
    assert grades(course)["carol"] == FULL


def test_cli_lines_carry_wall_time_and_end_with_a_summary(sqlite_course, capsys):
    from course.cli import main

    course, _, _ = sqlite_course
    assert main(["--root", str(course.root), "-q", "autograde", "adv", "--student", "bob", "--workers", "1"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert any(line.startswith("GRADED      bob/adv (") and line.endswith(" s)") for line in lines), out
    last = [line for line in lines if line.strip()][-1]
    assert "graded 1 submission in " in last and "per minute); no faults" in last, out


def test_ctrl_c_keeps_finished_grades_and_the_next_run_grades_the_rest(sqlite_course):
    course, _, _ = sqlite_course
    for student in SQLITE:  # new bytes for everyone: every submission is to be graded again
        path = course.submitted / student / "adv" / "adv.ipynb"
        nb = nbformat.read(path, as_version=4)
        nb.cells.append(nbformat.v4.new_markdown_cell(f"handed in again by {student}"))
        nbformat.write(nb, str(path))
    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    proc = subprocess.Popen([str(BIN / "course"), "-q", "autograde", "adv", "--workers", "1"], cwd=course.root,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finished = []
    for line in proc.stdout:
        if line.startswith("GRADED"):
            finished.append(line.split()[1].split("/")[0])
            proc.send_signal(signal.SIGINT)
            break
    rest, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, rest + err
    assert "interrupted: graded" in rest and "run it again to grade the rest" in rest, rest + err
    finished += [line.split()[1].split("/")[0] for line in rest.splitlines() if line.startswith("GRADED")]
    assert 1 <= len(finished) < len(SQLITE)
    assert grade_rows(course) == {s: sorted(FULL) for s in SQLITE}  # nothing half-written
    assert not [k for k in kernel_launchers() if k[2] in SQLITE]  # the running job's kernel was stopped
    again = {o.student: o for o in autograde(course, ["adv"], progress=False, workers=2)}
    assert sorted(s for s, o in again.items() if o.skipped) == sorted(finished)
    assert grades(course) == {**expected(SQLITE), "carol": FULL}


# --------------------------------------------------------------------------------------------- PostgreSQL

POSTGRES = {"erin": "solved", "frank": "wrong-square", "victim": "solved", "doomed": "unsolved", "grace": "unsolved"}


@pytest.fixture(scope="module")
def postgres_course(tmp_path_factory, postgres):
    course = make_course(tmp_path_factory.mktemp("parallel-pg") / "course", POSTGRES, db_url=postgres())
    killer = WorkerKiller({"victim": 1, "doomed": 2})
    killer.start()
    try:
        outcomes = {o.student: o for o in autograde(course, ["adv"], progress=False, workers=2)}
    finally:
        killer.done.set()
        killer.join()
    yield course, outcomes, killer
    shutil.rmtree(course.root, ignore_errors=True)


def test_postgres_build_and_parallel_grades(postgres_course):
    course, outcomes, _ = postgres_course
    assert course.db_url().startswith("postgresql+psycopg://")
    assert not (course.root / "gradebook.db").exists()
    good = {s: v for s, v in POSTGRES.items() if s != "doomed"}
    assert {s: o.status for s, o in outcomes.items() if s != "doomed"} == dict.fromkeys(good, "GRADED")
    assert grades(course) == expected(good)


def test_a_killed_worker_loses_no_grade_and_doubles_none(postgres_course):
    course, outcomes, killer = postgres_course
    assert killer.kills == {"victim": 1, "doomed": 2}
    assert "second try" in str(outcomes["victim"])
    doomed = outcomes["doomed"]
    assert doomed.status == "ERROR" and "died twice" in doomed.message, str(doomed)
    # every graded submission holds exactly one grade per graded cell; the one never graded holds none
    assert grade_rows(course) == {s: sorted(FULL) for s in POSTGRES if s != "doomed"}
    # the killed workers' kernels did not outlive them
    assert not [k for k in kernel_launchers() if k[2] in POSTGRES]


def test_postgres_feedback_and_report(postgres_course, capsys):
    from course.cli import main
    from course.grading.feedback import generate_feedback

    course, _, _ = postgres_course
    rows = generate_feedback(course, ["adv"], ["erin", "frank"], progress=False)
    assert rows == [("erin", "adv", True), ("frank", "adv", True)]
    assert "All 2 checks passed" in (course.feedback / "erin" / "adv" / "adv.html").read_text()
    assert main(["--root", str(course.root), "report"]) == 0
    table = capsys.readouterr().out
    assert "erin" in table and "4/4" in table and "frank" in table and "2/4" in table


# --------------------------------------------------------------------------------------------- no kernels


def test_snapshot_follows_no_link_and_reads_only_what_intake_uses(tmp_path):
    from course.grading.snapshot import take_snapshot

    folder = tmp_path / "adv"
    folder.mkdir()
    (folder / "adv.ipynb").write_text("{}")
    (folder / "notes.txt").write_text("x" * 10)
    os.symlink("/etc/passwd", folder / "secret.ipynb")
    snap = take_snapshot(folder)
    by_name = {e.name: e for e in snap.entries}
    assert by_name["adv.ipynb"].data == b"{}" and by_name["notes.txt"].data is None
    assert by_name["secret.ipynb"].kind == "link" and by_name["secret.ipynb"].data is None
    before = snap.digest()
    (folder / "adv.ipynb").write_text("{ }")
    assert take_snapshot(folder).digest() != before
    assert not take_snapshot(tmp_path / "nothing").exists


def test_snapshot_reads_a_bounded_total_smallest_first(tmp_path, monkeypatch):
    """Many large notebooks beside the real one cannot fill the grader's memory, nor push it out: the
    smallest files are read first, up to a total."""
    from course.grading import snapshot

    monkeypatch.setattr(snapshot, "MAX_TOTAL_READ_BYTES", 3000)
    folder = tmp_path / "adv"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}-junk.ipynb").write_bytes(b"x" * 1000)
    (folder / "z-adv.ipynb").write_text("{}")
    (folder / "timestamp.txt").write_text("2026-12-04 10:00:00")
    by_name = {e.name: e for e in snapshot.take_snapshot(folder).entries}
    assert by_name["z-adv.ipynb"].data == b"{}" and by_name["timestamp.txt"].data
    read = sum(len(e.data or b"") for e in by_name.values())
    assert read <= 3000 and sum(e.data is None for e in by_name.values()) >= 3
    assert all(e.size == 1000 for n, e in by_name.items() if "junk" in n)


def test_progress_bar_shows_the_slowest_and_the_summary_counts_faults():
    import io

    from course.grading.job import Outcome
    from course.grading.progress import BatchProgress, summary_line

    out = io.StringIO()
    bar = BatchProgress(3, file=out)
    bar.finished(Outcome("a", "x", "GRADED", seconds=2.0))
    bar.finished(Outcome("b", "x", "TIMEOUT", seconds=9.0))
    bar.close()
    assert "2/3" in out.getvalue() and "slowest b/x 9 s" in out.getvalue()
    line = summary_line([Outcome("a", "x", "GRADED", seconds=2.0), Outcome("b", "x", "TIMEOUT", seconds=9.0),
                         Outcome("c", "x", "OOM", seconds=1.0), Outcome("d", "x", "GRADED", skipped=True)], 30.0)
    assert line.startswith("graded 3 submissions in 30 s (6.0 per minute); 1 OOM, 1 TIMEOUT; 1 unchanged")


def test_a_pool_whose_workers_die_before_any_job_ends_the_batch_with_errors(tmp_path, monkeypatch):
    """Workers that die before running anything (a broken environment) cannot be retried forever: after a
    few such breaks in a row every submission left is ERROR, with the cause, and the batch ends."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from course.grading import coordinator, store
    from course.grading.executors import Backend
    from course.grading.job import Limits
    from course.grading.progress import BatchProgress
    from course.grading.snapshot import Snapshot

    class DeadPool(Backend):
        crash_breaks_all = True
        slots = 2
        renewals = 0

        def __init__(self):
            self.executor = self

        def submit(self, fn, *args):
            future = Future()
            future.set_exception(BrokenProcessPool("a worker died while starting"))
            return future

        def is_crash(self, exc):
            return isinstance(exc, BrokenProcessPool)

        def died_running(self, token):
            return False  # no job's marker: nobody died running

        def renew(self):
            self.renewals += 1

    class Payload:
        digest = "payload"

    monkeypatch.setattr(coordinator, "take_snapshot", lambda folder: Snapshot(folder.name, ()))
    monkeypatch.setattr(store, "extensions", lambda course, assignment: {})
    backend, outcomes = DeadPool(), {}
    jobs = [coordinator._Job(s, "a1") for s in ("ann", "bob", "cy", "dee")]
    run = threading.Thread(target=coordinator._fan_out, daemon=True,
                           args=(Course(tmp_path), backend, {"a1": Payload()}, jobs, outcomes,
                                 BatchProgress(len(jobs), enabled=False)),
                           kwargs={"sandbox": False, "limits": Limits()})
    run.start()
    run.join(30)
    assert not run.is_alive(), "the coordinator retries a pool that never runs a job forever"
    assert sorted(s for s, _ in outcomes) == ["ann", "bob", "cy", "dee"]
    assert all(o.status == "ERROR" and "died 3 times in a row" in o.message for o in outcomes.values())
    assert backend.renewals == coordinator.MAX_BLIND_BREAKS


def test_a_result_that_came_in_before_the_pool_broke_is_kept(tmp_path, monkeypatch):
    """When the pool breaks, a job that had already finished is recorded, not graded again."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from course.grading import coordinator, store
    from course.grading.executors import Backend
    from course.grading.job import JobResult, Limits, Outcome
    from course.grading.progress import BatchProgress
    from course.grading.snapshot import Snapshot

    class BreaksOnSecondSubmit(Backend):
        crash_breaks_all = True
        slots = 1

        def __init__(self):
            self.executor = self
            self.submitted: list[str] = []

        def submit(self, fn, payload, request):
            self.submitted.append(request.student)
            future = Future()
            if len(self.submitted) == 2:
                raise BrokenProcessPool("a worker died")
            future.set_result(JobResult(Outcome(request.student, request.assignment, "GRADED")))
            return future

        def is_crash(self, exc):
            return isinstance(exc, BrokenProcessPool)

        def died_running(self, token):
            return False

    class Payload:
        digest = "payload"

    monkeypatch.setattr(coordinator, "take_snapshot", lambda folder: Snapshot(folder.name, ()))
    monkeypatch.setattr(store, "extensions", lambda course, assignment: {})
    backend, outcomes = BreaksOnSecondSubmit(), {}
    jobs = [coordinator._Job(s, "a1") for s in ("ann", "bob")]
    coordinator._fan_out(Course(tmp_path), backend, {"a1": Payload()}, jobs, outcomes,
                         BatchProgress(len(jobs), enabled=False), sandbox=False, limits=Limits())
    assert backend.submitted.count("ann") == 1, backend.submitted
    assert {s: o.status for (s, _), o in outcomes.items()} == {"ann": "GRADED", "bob": "GRADED"}


def test_a_stopped_worker_exits_instead_of_taking_the_next_job(tmp_path):
    """SIGTERM to a pool worker running a job unwinds that job and ends the process: the pool's worker
    loop must not take the exit for the job's result and start the job queued behind it."""
    from course.grading.executors import LocalPool

    pool = LocalPool(1)
    try:
        first = pool.executor.submit(time.sleep, 30)
        second = pool.executor.submit(time.sleep, 30)
        deadline = time.monotonic() + 30
        while not pool._workers() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # the worker is in the first job
        started = time.monotonic()
        pool._stop_workers(timeout=20)
        assert time.monotonic() - started < 10, "the stopped worker went on to the next job"
        assert not pool._workers()
    finally:
        pool.close()
    assert first.done() and second.done()


def test_sweep_removes_only_our_own_leftovers(tmp_path):
    """sweep (root, over the shared temp folder) removes a dead grader's folder, and leaves alone what
    another local user could have planted: a folder of theirs or one anybody can write, an owner file that
    is a link or a FIFO (read without following or blocking)."""
    from course.grading.sweep import sweep

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()

    def folder(name: str, mode: int = 0o700) -> Path:
        path = tmp_path / name
        path.mkdir()
        path.chmod(mode)
        return path

    (folder("course-job-dead") / ".owner").write_text(dead)
    (folder("course-job-open", 0o777) / ".owner").write_text(dead)
    (folder("kernel-link") / ".owner").symlink_to("/dev/zero")
    os.mkfifo(folder("kernel-fifo") / ".owner")
    theirs = folder("course-batch-theirs")
    (theirs / ".owner").write_text(dead)
    if os.geteuid() == 0:
        os.chown(theirs, 65534, 65534)
    assert sweep(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course-batch-theirs", "course-job-open", "kernel-fifo",
                                                          "kernel-link"]


def test_coordinator_writes_what_nbgrader_would(tmp_path):
    """A job's result lands in the course gradebook as nbgrader's own steps would have left it: scores,
    needs_manual_grade again where a grader had scored by hand, the submission's timestamp, comments."""
    from datetime import datetime

    from nbgrader.api import Gradebook

    from course.grading.job import JobResult, NotebookGrades, Outcome
    from course.grading.store import graded_inputs, write_result

    course = make_course(tmp_path / "course", {})
    result = JobResult(Outcome("zoe", "adv", "GRADED", seconds=1.0),
                       [NotebookGrades("adv", True, None, {"test_double": (1.0, False), "test_square": (0.0, False),
                                                           "test_cube": (1.0, False)},
                                       {"double": None, "square": "No response.", "cube": None})],
                       datetime(2026, 1, 2, 3, 4, 5), {"adv.ipynb": (b"{}", 0o444)})
    write_result(course, result, "d1")
    with Gradebook(course.db_url(), course.course_id()) as gb:
        sub = gb.find_submission("adv", "zoe")
        assert sub.timestamp == datetime(2026, 1, 2, 3, 4, 5)
        grade = gb.find_grade("test_square", "adv", "adv", "zoe")
        assert grade.auto_score == 0.0 and not grade.needs_manual_grade
        assert gb.find_comment("square", "adv", "adv", "zoe").auto_comment == "No response."
        grade.manual_score = 2.0  # a grader looked at it
        gb.db.commit()
    write_result(course, result, "d2")
    with Gradebook(course.db_url(), course.course_id()) as gb:
        grade = gb.find_grade("test_square", "adv", "adv", "zoe")
        assert grade.manual_score == 2.0 and grade.needs_manual_grade  # SaveAutoGrades' rule
        assert len(gb.find_submission_notebook("adv", "adv", "zoe").grades) == 3
    assert graded_inputs(course, ["adv"]) == {("zoe", "adv"): ("d2", "GRADED", "")}
    assert (course.autograded / "zoe" / "adv" / "adv.ipynb").read_bytes() == b"{}"
