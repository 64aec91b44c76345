"""The order in which a batch starts its jobs: long and short ones side by side, the medium ones last.

Two things make a batch on N workers slower than N times one worker, and the order of the jobs helps
with both:

* **the end**: the batch ends when its last job does; if a long job starts last, the other workers wait
  for it. So the long jobs must not be left for the end;
* **neighbours**: two long jobs (the assignments with the most training) slow each other down when
  they run side by side on a small machine; a long job beside a short one less so. Measured on the
  2-core benchmark machine, four runs each: 80.9 s on average with the jobs started alternately from the
  long and the short end of the queue, 82.9 s with the longest first.

So the jobs start alternately from the long end and the short end of the queue (with one worker the
order makes no difference). A job's length is estimated, in this order, from

1. the wall time of the same submission's last grading (the gradebook keeps it, see
   :func:`course.grading.store.graded_seconds`);
2. the mean wall time of the assignment's jobs: those graded before and those finished in this batch;
3. nothing: a job of an assignment with no timing yet starts before the ones with an estimate, so
   that each assignment's first result comes early and teaches the queue its length.

A job put back (its worker died) goes to the front. Ties keep the order the jobs were given in.
"""

from __future__ import annotations

import math
from typing import Generic, Protocol, TypeVar

__all__ = ["JobQueue"]


class _Job(Protocol):
    student: str
    assignment: str


J = TypeVar("J", bound=_Job)


class JobQueue(Generic[J]):
    """The jobs not started yet; :meth:`pop` gives the next one to start (see the module)."""

    def __init__(self, jobs: list[J], history: dict[tuple[str, str], float] | None = None) -> None:
        self._jobs: list[tuple[int, J]] = list(enumerate(jobs))
        self._front: list[J] = []
        self._last = {k: float(v) for k, v in (history or {}).items() if isinstance(v, (int, float)) and v > 0}
        self._sums: dict[str, list[float]] = {}
        self._long_end = False  # the end of the queue the last job came from
        for (_, assignment), seconds in self._last.items():
            self._learn_mean(assignment, seconds)

    def _learn_mean(self, assignment: str, seconds: float) -> None:
        total = self._sums.setdefault(assignment, [0.0, 0])
        total[0] += seconds
        total[1] += 1

    def estimate(self, job: J) -> float:
        """Seconds the job is expected to take (``inf`` when nothing is known of its assignment)."""
        last = self._last.get((job.student, job.assignment))
        if last is not None:
            return last
        total = self._sums.get(job.assignment)
        return total[0] / total[1] if total else math.inf

    def learn(self, job: J, seconds: float | None) -> None:
        """A job of this batch took ``seconds``: the estimates of its assignment's other jobs follow."""
        if seconds is not None and seconds > 0:
            self._learn_mean(job.assignment, float(seconds))

    def push_front(self, job: J) -> None:
        """Put ``job`` back, to start before any other (a retry)."""
        self._front.append(job)

    def pop(self) -> J:
        """The job to start next. Raises IndexError when none is left."""
        if self._front:
            return self._front.pop()
        if not self._jobs:
            raise IndexError("no job left")
        estimates = [self.estimate(job) for _, job in self._jobs]
        if any(math.isinf(e) for e in estimates):  # an assignment with no timing yet: its first job now
            best = estimates.index(math.inf)
        else:
            self._long_end = not self._long_end
            sign = 1 if self._long_end else -1
            best = max(range(len(self._jobs)), key=lambda i: (sign * estimates[i], -self._jobs[i][0]))
        return self._jobs.pop(best)[1]

    def __len__(self) -> int:
        return len(self._front) + len(self._jobs)

    def drain(self) -> list[J]:
        """Every job not started, the retries first; the queue is then empty."""
        out = [*reversed(self._front), *(job for _, job in self._jobs)]
        self._front.clear()
        self._jobs.clear()
        return out
