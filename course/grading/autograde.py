"""``course autograde``: grade every submission in ``submitted/``, in parallel, and never stop.

For each student and assignment, one grading job (:mod:`course.grading.job`), run by a local pool of
worker processes or a Dask cluster (:mod:`course.grading.executors`), fanned out by the coordinator
(:mod:`course.grading.coordinator`), which alone writes the gradebook and ``autograded/``:

1. intake (:mod:`course.grading.intake`) checks the submitted files and stages a clean copy in the
   job's private scratch course; the submission itself is only read, once, by the coordinator;
2. nbgrader autogrades the staged copy with the course's steps configured in ``nbgrader_config.py``
   (deleted tests restored, cell-by-cell sandboxed execution that survives a dead or stuck kernel,
   test-cell outputs cleaned);
3. every check is re-judged outside the kernel against the instructor's manifest
   (:mod:`course.grading.verdict`, built once per source notebook before the fan-out);
4. the outcome records what happened: GRADED, or MISSING / INVALID (intake), TIMEOUT / OOM /
   KERNEL DIED / PROCESS CAP / OUTPUT CAPPED (execution), TAMPERED / MISSING (the trusted verdict), ERROR
   (nbgrader failed, or the grading process died twice; the message says why).

A submission already graded from the same bytes (and the same assignment definition and manifests)
is skipped unless ``force``.
"""

from __future__ import annotations

from course.grading.coordinator import BatchInterrupted, run_batch
from course.grading.coursedir import Course
from course.grading.execute import SandboxUnavailable
from course.grading.job import Limits, Outcome

__all__ = ["BatchInterrupted", "Limits", "Outcome", "SandboxUnavailable", "autograde", "prepare_manifests"]


def prepare_manifests(course: Course, assignments: list[str], *, progress: bool = True) -> None:
    """Build (or find cached) the trusted verdict's manifest of every source notebook.

    Raises RuntimeError if an instructor's solution fails one of its own tests.
    """
    from course.grading.manifests import manifest_path

    todo = [(a, nb.stem) for a in assignments for nb in course.source_notebooks(a)]
    missing = [(a, nb) for a, nb in todo if not manifest_path(course.root, a, nb).is_file()]
    if not missing:
        return
    from course.grading.verdict import load_manifest

    iterator = missing
    if progress:
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
    limits: Limits | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    echo: bool = False,
) -> list[Outcome]:
    """Autograde ``students`` (default: all in ``submitted/``) on ``assignments`` (default: all).

    ``workers`` local worker processes grade at once (default: the number of cores), or the Dask
    cluster whose scheduler is at ``scheduler`` does. With ``sandbox`` (the default) every kernel runs
    in the sandbox of :mod:`course.grading.sandbox`; :class:`SandboxUnavailable` says why when it
    cannot be set up. ``sandbox=False`` runs student code with the grader's own privileges: only for
    code you trust (the demo's own notebooks). ``echo`` prints each outcome line as it finishes.
    Raises :class:`BatchInterrupted` (holding the outcomes so far) on Ctrl-C.
    """
    names = course.check_assignments(assignments)
    who = students or course.students()
    if not scheduler:
        from course.grading.executors import start_fork_server

        start_fork_server()  # the workers' server imports torch and nbgrader while this process reads
    if sandbox and not scheduler:
        from course.grading.execute import _sandbox_problem

        problem = _sandbox_problem()
        if problem:
            raise SandboxUnavailable(f"cannot sandbox student code: {problem}")
        from course.data import data_root
        from course.grading.execute import _prepare_data

        _prepare_data(data_root())  # the sandbox shows the data read-only: fetch it once, before the batch
    prepare_manifests(course, names, progress=progress)
    return run_batch(course, names, who, sandbox=sandbox, limits=limits, workers=workers, scheduler=scheduler,
                     force=force, progress=progress, echo=echo)
