"""One grading job: one student's submission of one assignment, from start to end, in a private scratch course.

:func:`run_job` runs wherever the executor puts it (a local worker process or a Dask worker on another
machine) and touches nothing shared:

1. it lays the assignment's payload (:mod:`course.grading.payload`) out as a scratch course in a new
   private folder: the course's config, a template gradebook holding only this assignment's
   definition, the manifests;
2. intake (:mod:`course.grading.intake`) stages the submission from its snapshot (the bytes the
   coordinator read);
3. nbgrader autogrades that one submission there, into the scratch gradebook, with the course's steps
   (each kernel sandboxed with its own run folder, ipc sockets, record folder and cgroup; the trusted
   verdict judging against the payload's manifests);
4. it returns plain data (:class:`JobResult`): the outcome, every grade and comment as nbgrader set them,
   the submission's timestamp and late penalty, the autograded files as bytes, and timings. The scratch
   folder is then removed.

Only the coordinator writes the course gradebook and ``autograded/`` (:mod:`course.grading.store`).
A process runs one job at a time (nbgrader changes the working directory and the environment while
it converts), so a Dask worker should have one thread; more threads just queue.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from course.grading.payload import AssignmentPayload, PayloadRef, resolve
from course.grading.snapshot import Snapshot
from course.grading.text import clean_line

__all__ = ["JobRequest", "JobResult", "Limits", "NotebookGrades", "Outcome", "run_job", "scratch_base"]


@dataclass(frozen=True)
class Limits:
    """Resource caps for each student kernel (sandbox only); None keeps ``nbgrader_config.py``'s value."""

    memory_mb: int | None = None
    max_pids: int | None = None
    threads: int | None = None


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment."""

    student: str
    assignment: str
    status: str  # GRADED, MISSING, INVALID, TIMEOUT, OOM, KERNEL DIED, PROCESS CAP, OUTPUT CAPPED, TAMPERED, ERROR
    message: str = ""
    details: list[str] = field(default_factory=list)
    seconds: float | None = None  # wall time of the job (None: no job ran)
    skipped: bool = False  # unchanged since it was last graded: not graded again
    timings: dict[str, float] = field(default_factory=dict, repr=False)  # seconds per phase of the job

    def __str__(self) -> str:
        text = f"{self.status:11s} {clean_line(self.student, 80)}/{clean_line(self.assignment, 80)}"
        if self.seconds is not None:
            text += f" ({self.seconds:.1f} s)"
        if self.message:
            text += f": {clean_line(self.message)}"
        return text + "".join(f"\n              - {clean_line(d)}" for d in self.details)


@dataclass(frozen=True)
class JobRequest:
    """One submission to grade (plain data: it may travel to another machine)."""

    student: str
    assignment: str
    snapshot: Snapshot
    sandbox: bool = True
    limits: Limits = Limits()
    extension: timedelta | None = None  # the student's extension (for nbgrader's late rules)
    scratch_root: str | None = None  # where to make the scratch folder (default: scratch_base())
    marker: str | None = None  # a file that exists while the job runs: left behind if its process dies


@dataclass
class NotebookGrades:
    """The grades nbgrader gave one notebook of the submission (in the scratch gradebook)."""

    name: str
    present: bool  # autograded (False: intake could not stage it, every cell zero)
    late_penalty: float | None
    grades: dict[str, tuple[float | None, bool]]  # grade cell -> (auto_score, needs_manual_grade)
    comments: dict[str, str | None]  # solution or task cell -> auto_comment


@dataclass
class JobResult:
    """What a job hands back to the coordinator."""

    outcome: Outcome
    notebooks: list[NotebookGrades] = field(default_factory=list)
    timestamp: datetime | None = None
    files: dict[str, tuple[bytes, int]] = field(default_factory=dict)  # autograded/<s>/<a>/ relpath -> (bytes, mode)
    timings: dict[str, float] = field(default_factory=dict)
    worker: str = ""

    @property
    def recorded(self) -> bool:
        """Did nbgrader record the submission (False: nothing to write but the outcome)?"""
        return bool(self.notebooks)


_ONE_AT_A_TIME = threading.Lock()


def scratch_base() -> str:
    """Where jobs make their scratch folders: /dev/shm (memory, no disk writes) when usable, else the temp folder."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        return shm
    return tempfile.gettempdir()


def run_job(payload: AssignmentPayload | PayloadRef, request: JobRequest) -> JobResult:
    """Grade one submission (see the module). Never raises for a bad submission; raises
    :class:`course.grading.execute.SandboxUnavailable` when this machine cannot sandbox student code."""
    with _ONE_AT_A_TIME:
        if request.marker:
            Path(request.marker).write_text(str(os.getpid()))
        try:
            return _grade(resolve(payload), request)
        finally:  # also when SIGTERM unwinds us: only a process that died abruptly leaves its marker
            if request.marker:
                Path(request.marker).unlink(missing_ok=True)


def _grade(payload: AssignmentPayload, request: JobRequest) -> JobResult:
    import warnings

    from course.grading.execute import SandboxUnavailable, _sandbox_problem

    # nbgrader's gradebook code trips SQLAlchemy's autoflush warnings; they are not the instructor's concern
    warnings.filterwarnings("ignore", message=".*not in session.*")
    started = time.perf_counter()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    if request.sandbox:
        problem = _sandbox_problem()
        if problem:
            raise SandboxUnavailable(f"cannot sandbox student code on {worker}: {problem}")
        from course.data import data_root
        from course.grading.execute import _prepare_data

        _prepare_data(data_root())
    scratch = Path(tempfile.mkdtemp(prefix="course-job-", dir=request.scratch_root or scratch_base()))
    try:
        (scratch / ".owner").write_text(str(os.getpid()))
        result = _grade_in(scratch, payload, request)
    except SandboxUnavailable:
        raise
    except Exception as exc:  # a bug of ours or a broken payload: this submission only
        outcome = Outcome(request.student, request.assignment, "ERROR", f"the grading job failed: {type(exc).__name__}: {exc}")
        result = JobResult(outcome)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    result.timings["total"] = time.perf_counter() - started
    result.outcome.seconds = result.timings["total"]
    result.worker = worker
    return result


def _last_error(log: str) -> str:
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return lines[-1].strip() if lines else "nbgrader reported a failure (see the log)"


def _grade_in(scratch: Path, payload: AssignmentPayload, request: JobRequest) -> JobResult:
    from course.grading.coursedir import Course
    from course.grading.execute import take_faults, take_timings
    from course.grading.intake import stage_submission

    student, assignment = request.student, request.assignment
    timings: dict[str, float] = {}
    t = time.perf_counter()
    payload.install(scratch)
    db_url = f"sqlite:///{scratch / 'gradebook.db'}"
    try:
        intake = stage_submission(request.snapshot, scratch / "submitted" / student / assignment,
                                  list(payload.notebooks), student, assignment)
    except Exception as exc:  # one submission must never stop the batch
        return JobResult(Outcome(student, assignment, "INVALID", f"intake failed: {type(exc).__name__}: {exc}"))
    outcome = Outcome(student, assignment, "GRADED", details=list(intake.notes))
    if intake.status != "OK":
        outcome.status = intake.status
    if request.extension:
        _set_extension(db_url, payload.course_id, assignment, student, request.extension)
    timings["intake"] = time.perf_counter() - t
    t = time.perf_counter()
    limits = request.limits
    if limits.threads and not request.sandbox:  # an unsandboxed kernel inherits our environment
        os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = str(limits.threads)
    executor: dict = {"sandbox": bool(request.sandbox)}
    executor.update({k: v for k, v in (("memory_mb", limits.memory_mb), ("max_pids", limits.max_pids),
                                       ("threads", limits.threads)) if v is not None})
    api = Course(scratch).api(CourseDirectory={"root": str(scratch), "db_url": db_url},
                              RobustExecute=executor,
                              TrustedVerdict={"course_root": str(scratch), "manifest_dir": str(scratch / "manifests")})
    try:
        result = api.autograde(assignment, student, force=True, create=True)
    except Exception as exc:  # one submission must never stop the batch
        result = {"success": False, "log": f"[ERROR] {type(exc).__name__}: {exc}"}
    timings["autograde"] = time.perf_counter() - t
    t = time.perf_counter()
    autograded = scratch / "autograded" / student / assignment
    try:
        if intake.status != "OK":
            _zero_unusable_notebooks(db_url, payload.course_id, assignment, student, autograded)
    except Exception as exc:
        outcome.details.append(f"could not record zeros for the unusable notebooks: {type(exc).__name__}: {exc}")
    faults = take_faults(str(scratch))
    phases = take_timings(str(scratch))
    timings.update(phases)
    timings["nbgrader steps"] = max(0.0, timings["autograde"] - sum(phases.values()))
    outcome.details += [str(f) for f in faults]
    serious = [f for f in faults if f.kind != "RECORDS DROPPED"]
    if serious and outcome.status == "GRADED":
        outcome.status = serious[0].kind
    if not result["success"] and intake.status == "OK":
        outcome.status = "ERROR"
        outcome.message = _last_error(result.get("log", ""))
        return JobResult(outcome, timings=timings)
    notebooks, timestamp = _read_grades(db_url, payload.course_id, assignment, student, autograded)
    files = {}
    if autograded.is_dir():
        for path in sorted(autograded.rglob("*")):
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(autograded).as_posix()] = (path.read_bytes(), path.stat().st_mode & 0o777)
    timings["collect"] = time.perf_counter() - t
    outcome.timings = timings
    return JobResult(outcome, notebooks, timestamp, files, timings)


def _set_extension(db_url: str, course_id: str, assignment: str, student: str, extension: timedelta) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        gb.update_or_create_student(student)
        gb.update_or_create_submission(assignment, student, extension=extension)


def _zero_unusable_notebooks(db_url: str, course_id: str, assignment: str, student: str, autograded: Path) -> None:
    """Give zero on every graded cell of each notebook that intake could not stage (what nbgrader
    does for a missing notebook, but it skips that when no notebook at all is left)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for nb in submission.notebooks:
            if not (autograded / f"{nb.name}.ipynb").exists():
                for grade in nb.grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
        gb.db.commit()


def _read_grades(db_url: str, course_id: str, assignment: str, student: str,
                 autograded: Path) -> tuple[list[NotebookGrades], datetime | None]:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url, course_id) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return [], None
        out = []
        for nb in sorted(submission.notebooks, key=lambda n: n.name):
            out.append(NotebookGrades(
                name=nb.name,
                present=(autograded / f"{nb.name}.ipynb").exists(),
                late_penalty=nb.late_submission_penalty,
                grades={g.name: (g.auto_score, bool(g.needs_manual_grade)) for g in nb.grades},
                comments={c.name: c.auto_comment for c in nb.comments},
            ))
        return out, submission.timestamp
