"""``course autograde``: grade every submission in ``submitted/``, one at a time, and never stop.

For each student and assignment:

1. intake (:mod:`course.grading.intake`) checks the submitted files and stages a clean copy under
   ``.course/intake/``; the submission itself is only read;
2. nbgrader autogrades the staged copy into ``autograded/`` and the gradebook, with the course's
   steps configured in ``nbgrader_config.py`` (deleted tests restored, cell-by-cell execution that
   survives a dead or stuck kernel, test-cell outputs cleaned);
3. every check is re-judged outside the kernel against the instructor's manifest
   (:mod:`course.grading.verdict`, built once per source notebook before the batch);
4. the outcome records what happened: GRADED, or MISSING / INVALID (intake), TIMEOUT / OOM /
   KERNEL DIED / OUTPUT CAPPED (execution), TAMPERED / MISSING (the trusted verdict), ERROR
   (nbgrader failed; the message says why).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from course.grading.coursedir import Course
from course.grading.execute import take_faults
from course.grading.intake import stage_submission

__all__ = ["INTAKE_DIR", "Limits", "Outcome", "SandboxUnavailable", "autograde", "prepare_manifests"]

INTAKE_DIR = ".course/intake"
RUN_DIR = ".course/run"


@dataclass
class Outcome:
    """What happened to one student's submission of one assignment."""

    student: str
    assignment: str
    status: str  # GRADED, MISSING, INVALID, TIMEOUT, OOM, KERNEL DIED, PROCESS CAP, OUTPUT CAPPED, TAMPERED, ERROR
    message: str = ""
    details: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        text = f"{self.status:11s} {self.student}/{self.assignment}"
        if self.message:
            text += f": {self.message}"
        return text + "".join(f"\n              - {d}" for d in self.details)


def _last_error(log: str) -> str:
    lines = [line for line in log.splitlines() if "[ERROR]" in line or "Error" in line]
    return lines[-1].strip() if lines else "nbgrader reported a failure (see the log)"


def _expected_notebooks(course: Course, assignment: str) -> list[str]:
    return [p.stem for p in course.release_notebooks(assignment)] or [p.stem for p in course.source_notebooks(assignment)]


def _zero_unusable_notebooks(course: Course, assignment: str, student: str) -> None:
    """Give zero on every graded cell of each notebook that intake could not stage (what nbgrader
    does for a missing notebook, but it skips that when no notebook at all is left)."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(), course.course_id()) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for nb in submission.notebooks:
            if not (course.autograded / student / assignment / f"{nb.name}.ipynb").exists():
                for grade in nb.grades:
                    grade.auto_score = 0
                    grade.needs_manual_grade = False
        gb.db.commit()


class SandboxUnavailable(RuntimeError):
    """The sandbox cannot be set up here and the instructor did not pass --no-sandbox."""


@dataclass(frozen=True)
class Limits:
    """Resource caps for each student kernel (sandbox only)."""

    memory_mb: int = 4096
    max_pids: int = 256
    threads: int = 1


def _sandbox_config(course: Course, run_dir: Path, limits: Limits) -> dict:
    """Kernelspec on JUPYTER_PATH and the config sections that make nbgrader use it."""
    from course.data import DATASETS, data_root, prepare
    from course.grading import sandbox

    for name in DATASETS:  # the kernels see the data root read-only: fetch or unpack it now
        prepare(name)
    spec_root = sandbox.install_kernelspec(
        run_dir / "jupyter", memory_mb=limits.memory_mb, max_pids=limits.max_pids,
        data_root=data_root(), scratch=run_dir / "scratch", threads=limits.threads,
    )
    paths = [str(spec_root), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    (run_dir / "ipc").mkdir(parents=True, exist_ok=True)
    return {
        "Execute": {"kernel_name": sandbox.KERNEL_NAME},
        "KernelManager": {"transport": "ipc", "ip": str(run_dir / "ipc" / "kernel")},
    }


def prepare_manifests(course: Course, assignments: list[str], *, progress: bool = True) -> None:
    """Build (or find cached) the trusted verdict's manifest of every source notebook.

    Raises RuntimeError if an instructor's solution fails one of its own tests.
    """
    from course.grading.verdict import load_manifest, manifest_path

    todo = [(a, nb.stem) for a in assignments for nb in course.source_notebooks(a)]
    missing = [(a, nb) for a, nb in todo if not manifest_path(course.root, a, nb).is_file()]
    iterator = missing
    if progress and missing:
        from tqdm import tqdm

        iterator = tqdm(missing, desc="reference (instructor's solutions)", unit="notebook")
    for assignment, notebook in iterator:
        load_manifest(course.root, assignment, notebook)


def autograde(
    course: Course,
    assignments: list[str] | None = None,
    students: list[str] | None = None,
    *,
    progress: bool = True,
    sandbox: bool = True,
    limits: Limits = Limits(),
) -> list[Outcome]:
    """Autograde ``students`` (default: all in ``submitted/``) on ``assignments`` (default: all).

    With ``sandbox`` (the default) every kernel runs in the sandbox of :mod:`course.grading.sandbox`;
    :class:`SandboxUnavailable` says why when it cannot be set up. ``sandbox=False`` runs student
    code with the grader's own privileges: only for code you trust (the demo's own notebooks).
    """
    names = course.check_assignments(assignments)
    who = students or course.students()
    staging = course.root / INTAKE_DIR
    run_dir = course.root / RUN_DIR
    shutil.rmtree(run_dir, ignore_errors=True)
    sections: dict = {"CourseDirectory": {"submitted_directory": INTAKE_DIR}}
    if sandbox:
        from course.grading.sandbox import sandbox_problem

        problem = sandbox_problem()
        if problem:
            raise SandboxUnavailable(f"cannot sandbox student code: {problem}")
        sections.update(_sandbox_config(course, run_dir, limits))
    (run_dir / "records").mkdir(parents=True, exist_ok=True)
    sections["RobustExecute"] = {"record_root": str(run_dir / "records")}
    sections["TrustedVerdict"] = {"course_root": str(course.root)}
    prepare_manifests(course, names, progress=progress)
    api = course.api(**sections)
    jobs = [(s, a) for s in who for a in names]
    outcomes: list[Outcome] = []
    iterator = jobs
    if progress:
        from tqdm import tqdm

        iterator = tqdm(jobs, desc="autograde", unit="submission")
    for student, assignment in iterator:
        folder = course.submitted / student / assignment
        if not folder.is_dir() or folder.is_symlink():
            outcomes.append(Outcome(student, assignment, "MISSING", "no submission"))
            continue
        intake = stage_submission(folder, staging / student / assignment, _expected_notebooks(course, assignment),
                                  student, assignment)
        outcome = Outcome(student, assignment, "GRADED", details=list(intake.notes))
        if intake.status != "OK":
            outcome.status = intake.status
        try:
            result = api.autograde(assignment, student, force=True, create=True)
        except Exception as exc:  # one submission must never stop the batch
            result = {"success": False, "log": f"[ERROR] {type(exc).__name__}: {exc}"}
        if intake.status != "OK":
            _zero_unusable_notebooks(course, assignment, student)
        faults = take_faults(str(course.autograded / student / assignment))
        outcome.details += [str(f) for f in faults]
        if faults and outcome.status == "GRADED":
            outcome.status = faults[0].kind
        if not result["success"] and intake.status == "OK":
            outcome.status = "ERROR"
            outcome.message = _last_error(result.get("log", ""))
        outcomes.append(outcome)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(run_dir, ignore_errors=True)
    if sandbox:
        from course.grading.sandbox import cleanup_cgroups

        cleanup_cgroups()
    return outcomes
