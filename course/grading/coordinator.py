"""The batch coordinator: fan submissions out to grading jobs, write what comes back, never stop.

1. **Plan.** One payload per assignment (:mod:`course.grading.payload`, built once). Each submission
   folder is read (:func:`course.grading.snapshot.take_snapshot`) and its digest (the submission's bytes
   and the payload's) compared with the one it was last graded from (:func:`course.grading.store.graded_inputs`):
   unchanged submissions are skipped unless ``force``. The workers start meanwhile (a local pool's
   server process imports the grading code while this process reads the submissions).
2. **Fan out.** Jobs (:func:`course.grading.job.run_job`) go to a :class:`course.grading.executors.Backend`
   through its ``concurrent.futures.Executor``: at most as many in flight as it has slots, long and short
   ones alternately (:mod:`course.grading.schedule`: estimated from the last grading's time). A job whose
   worker process dies is run again; a second death makes it ERROR, with the cause, and the batch goes
   on. (A local pool breaks whole when one worker dies: the jobs stopped with it are run again without
   counting; the job that died with its worker is known by the marker file it leaves.)
3. **Write.** Each result is written as it arrives, by this process only (:func:`course.grading.store.write_result`);
   Ctrl-C waits for the write in progress, then stops the jobs in flight: finished grades are kept and
   nothing is half-written.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace

from course.grading.coursedir import Course
from course.grading.executors import Backend, make_backend
from course.grading.job import JobRequest, JobResult, Limits, Outcome, run_job
from course.grading.progress import BatchProgress
from course.grading.schedule import JobQueue
from course.grading.snapshot import take_snapshot

__all__ = ["BatchInterrupted", "run_batch"]


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the batch; ``outcomes`` holds what finished (and what was skipped)."""

    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__("interrupted")
        self.outcomes = outcomes


@dataclass
class _Job:
    student: str
    assignment: str
    request: JobRequest | None = None
    digest: str = ""
    crashes: int = 0
    tries: int = 0

    @property
    def token(self) -> str:
        return hashlib.sha256(f"{self.student}/{self.assignment}".encode()).hexdigest()[:16] + f"-{self.tries}"


@contextmanager
def _uninterrupted():
    """Hold Ctrl-C back until the block is done (a gradebook write is never cut in half)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _digest(snapshot_digest: str, payload_digest: str) -> str:
    return hashlib.sha256(f"{snapshot_digest}:{payload_digest}".encode()).hexdigest()


def run_batch(
    course: Course,
    assignments: list[str],
    students: list[str],
    *,
    sandbox: bool = True,
    limits: Limits | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    progress: bool = True,
    echo: bool = False,
) -> list[Outcome]:
    """Grade ``students`` x ``assignments`` (see the module); one outcome each, in that order.

    Raises :class:`BatchInterrupted` on Ctrl-C (after stopping cleanly) and
    :class:`course.grading.execute.SandboxUnavailable` when a worker cannot sandbox student code.
    """
    from course.grading.payload import build_payload
    from course.grading.store import graded_inputs

    backend = make_backend(workers, scheduler) if _any_submission(course, students, assignments) else None
    try:
        payloads, broken = {}, {}
        for a in assignments:
            try:
                payloads[a] = build_payload(course, a)
            except LookupError as exc:
                broken[a] = str(exc)
        before = {} if force else graded_inputs(course, assignments)
        outcomes: dict[tuple[str, str], Outcome] = {}
        todo: list[_Job] = []
        for s in students:
            for a in assignments:
                folder = course.submitted / s / a
                if folder.is_symlink() or not folder.is_dir():
                    outcomes[(s, a)] = Outcome(s, a, "MISSING", "no submission")
                elif a in broken:
                    outcomes[(s, a)] = Outcome(s, a, "ERROR", broken[a])
                else:
                    digest = _digest(take_snapshot(folder).digest(), payloads[a].digest)
                    last = before.get((s, a))
                    if last and last[0] == digest:
                        outcomes[(s, a)] = Outcome(s, a, last[1], "unchanged since it was graded", skipped=True)
                    else:
                        todo.append(_Job(s, a))
        ordered = lambda: [outcomes[(s, a)] for s in students for a in assignments if (s, a) in outcomes]  # noqa: E731
        if not todo:
            return ordered()
        bar = BatchProgress(len(todo), enabled=progress, echo=echo)
        try:
            if progress or echo:
                bar.write(f"grading {len(todo)} submission{'s' if len(todo) > 1 else ''} with {backend.description}")
            _fan_out(course, backend, payloads, todo, outcomes, bar, sandbox=sandbox,
                     limits=replace(limits or Limits(),
                                    threads=(limits or Limits()).threads or backend.threads_per_kernel))
        except KeyboardInterrupt:
            backend.interrupt()
            bar.close()
            raise BatchInterrupted(ordered()) from None
        except BaseException:
            backend.interrupt()
            raise
        finally:
            bar.close()
        return ordered()
    finally:
        if backend is not None:
            backend.close()


def _any_submission(course: Course, students: list[str], assignments: list[str]) -> bool:
    """Whether any of these submission folders exists (else no worker needs to start)."""
    return any((course.submitted / s / a).is_dir() for s in students for a in assignments)


def _fan_out(course: Course, backend: Backend, payloads: dict, todo: list[_Job], outcomes: dict,
             bar: BatchProgress, *, sandbox: bool, limits: Limits) -> None:
    from course.grading.execute import SandboxUnavailable
    from course.grading.store import extensions, graded_seconds

    shared = {a: backend.share(payloads[a]) for a in sorted({j.assignment for j in todo})}
    granted = {a: extensions(course, a) for a in shared}
    queue = JobQueue(todo, graded_seconds(course, list(shared)))
    in_flight: dict = {}

    def prepare(job: _Job) -> _Job:
        if job.request is None:
            snapshot = take_snapshot(course.submitted / job.student / job.assignment)
            job.digest = _digest(snapshot.digest(), payloads[job.assignment].digest)
            job.request = JobRequest(job.student, job.assignment, snapshot, sandbox=sandbox, limits=limits,
                                     extension=granted[job.assignment].get(job.student),
                                     scratch_root=backend.scratch_root)
        return job

    def submit(job: _Job) -> None:
        prepare(job)
        job.tries += 1
        request = replace(job.request, marker=backend.marker(job.token))
        in_flight[backend.executor.submit(run_job, shared[job.assignment], request)] = job

    def finish(job: _Job, outcome: Outcome) -> None:
        outcomes[(job.student, job.assignment)] = outcome
        bar.finished(outcome)

    interrupted = [False]  # Ctrl-C came during a write: the results already here are written first

    def record(job: _Job, result: JobResult) -> None:
        from course.grading.store import write_result

        if job.crashes:
            result.outcome.details.append(f"graded on a second try: the worker grading it first died ({job.crashes}x)")
        if result.recorded:
            try:
                with _uninterrupted():
                    write_result(course, result, job.digest if result.outcome.status != "ERROR" else None)
            except KeyboardInterrupt:  # raised after the write, which is complete
                interrupted[0] = True
                _add_hint_summary(course, result.outcome)
            except Exception as exc:  # the gradebook refused: report it, keep going
                result.outcome.status = "ERROR"
                result.outcome.message = f"could not record the grades: {type(exc).__name__}: {exc}"
            else:
                _add_hint_summary(course, result.outcome)
        job.request = None  # the snapshot's bytes are no longer needed
        queue.learn(job, result.outcome.seconds)
        finish(job, result.outcome)

    blind_breaks = [0]  # pool breaks in a row that no job's death explains

    def crashed_all(crashed: list[_Job], exc: BaseException) -> list[tuple[_Job, JobResult]]:
        """Requeue (or give up on) the jobs a crash stopped; returns the results that had come in anyway."""
        salvaged: list[tuple[_Job, JobResult]] = []
        if backend.crash_breaks_all:  # the pool is gone, and every job in it but those that had finished
            for future, job in in_flight.items():
                if future.done() and not future.cancelled() and future.exception() is None:
                    salvaged.append((job, future.result()))
                else:
                    crashed.append(job)
            in_flight.clear()
            backend.renew()
        died = [backend.died_running(job.token) for job in crashed]
        blind_breaks[0] = 0 if any(died) else blind_breaks[0] + 1
        if blind_breaks[0] >= MAX_BLIND_BREAKS:  # the workers die before any job runs: nothing to retry
            cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            for job in [*crashed, *queue.drain()]:
                finish(job, Outcome(job.student, job.assignment, "ERROR",
                                    f"not graded: the grading workers died {blind_breaks[0]} times in a row before "
                                    f"any job ran ({type(exc).__name__}: {cause}); check the workers' environment"))
            return salvaged
        for job, job_died in zip(reversed(crashed), reversed(died)):
            if job_died:
                job.crashes += 1
            if job.crashes >= 2:
                cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                finish(job, Outcome(job.student, job.assignment, "ERROR",
                                    "the process grading it died twice (killed by a signal or out of memory in the "
                                    f"grader itself; {type(exc).__name__}: {cause}): not graded, the batch went on"))
            else:
                queue.push_front(job)
        return salvaged

    def refill() -> BaseException | None:
        """Keep every slot busy, and one job waiting (so a worker never waits for the coordinator)."""
        while queue and len(in_flight) < backend.slots + 1:
            job = queue.pop()
            try:
                submit(job)
            except Exception as exc:  # the pool broke since the last look: this job never started
                if not backend.is_crash(exc):
                    raise
                job.tries -= 1
                queue.push_front(job)
                return exc
        return None

    while (queue or in_flight) and not interrupted[0]:
        broken = refill()
        if broken is not None:
            for job, result in crashed_all([], broken):
                record(job, result)
            continue
        done, _ = wait(list(in_flight), return_when=FIRST_COMPLETED)
        crashed: list[_Job] = []
        results: list[tuple[_Job, JobResult]] = []
        for future in done:
            job = in_flight.pop(future)
            try:
                results.append((job, future.result()))
            except SandboxUnavailable:
                raise
            except Exception as exc:
                if backend.is_crash(exc):
                    crashed.append(job)
                    broken = exc
                else:
                    finish(job, Outcome(job.student, job.assignment, "ERROR",
                                        f"the grading job raised {type(exc).__name__}: {exc}"))
        if broken is not None:
            results += crashed_all(crashed, broken)
        elif queue:
            broken = refill()  # the next jobs start before this process writes the results
            if broken is not None:
                results += crashed_all([], broken)
        if results:
            blind_breaks[0] = 0
        for job, result in results:
            record(job, result)
    if interrupted[0]:
        raise KeyboardInterrupt


#: pool breaks in a row with no job dying in them, after which the batch stops retrying
MAX_BLIND_BREAKS = 3


def _add_hint_summary(course: Course, outcome: Outcome) -> None:
    """Add what the grader recognised in the graded submission to its outcome lines; never raises."""
    from course.grading.mistakes import hint_summary

    try:
        hints = hint_summary(course.autograded / outcome.student / outcome.assignment)
    except Exception as exc:  # a summary must never stop the batch
        hints = f"no summary of the diagnoses: {type(exc).__name__}"
    if hints:
        outcome.details.append(hints)
