"""The batch starts long and short jobs alternately, unknown ones first (course.grading.schedule)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from course.grading.schedule import JobQueue


@dataclass
class Job:
    student: str
    assignment: str


def _names(jobs: list[Job]) -> list[str]:
    return [f"{j.student}/{j.assignment}" for j in jobs]


def test_long_and_short_alternately_from_the_last_grading_then_the_assignment_mean() -> None:
    jobs = [Job("ann", "short"), Job("bob", "short"), Job("ann", "long"), Job("bob", "long"), Job("cyd", "mid")]
    history = {("ann", "short"): 2.0, ("bob", "long"): 20.0, ("ann", "long"): 9.0, ("zed", "mid"): 5.0}
    queue = JobQueue(jobs, history)
    # estimates: bob/long 20 (its own), ann/long 9 (its own), cyd/mid 5 (mid's mean), ann/short 2 (its own),
    # bob/short 2 (short's mean); the longest, the shortest, the longest left... the medium one last
    assert [queue.estimate(j) for j in jobs] == [2.0, 2.0, 9.0, 20.0, 5.0]
    assert _names([queue.pop() for _ in range(len(jobs))]) == [
        "bob/long", "ann/short", "ann/long", "bob/short", "cyd/mid"]
    assert not queue
    with pytest.raises(IndexError):
        queue.pop()


def test_unknown_assignments_start_first_and_results_teach_the_queue() -> None:
    jobs = [Job(s, a) for s in ("ann", "bob", "cyd") for a in ("a1", "a2")]
    queue = JobQueue(jobs, {})
    first = queue.pop()
    assert _names([first]) == ["ann/a1"]  # nothing known: the order given
    queue.learn(first, 3.0)
    second = queue.pop()
    assert second.assignment == "a2"  # a2 has no timing yet: it goes before the a1 jobs with an estimate
    queue.learn(second, 8.0)
    assert queue.estimate(Job("dan", "a1")) == pytest.approx(3.0)
    # everything known now: long (a2, 8 s) and short (a1, 3 s) alternately, in the order given
    assert _names([queue.pop() for _ in range(4)]) == ["bob/a2", "bob/a1", "cyd/a2", "cyd/a1"]


def test_a_job_put_back_goes_first_and_drain_keeps_it_first() -> None:
    jobs = [Job("ann", "a"), Job("bob", "a"), Job("cyd", "a")]
    queue = JobQueue(jobs, {("cyd", "a"): 50.0, ("ann", "a"): 1.0, ("bob", "a"): 2.0})
    taken = queue.pop()
    assert taken.student == "cyd"
    queue.push_front(taken)
    assert queue.pop() is taken
    queue.push_front(taken)
    assert len(queue) == 3
    assert _names(queue.drain()) == ["cyd/a", "ann/a", "bob/a"]  # retries, then the order given
    assert len(queue) == 0


def test_bad_history_values_are_ignored() -> None:
    queue = JobQueue([Job("ann", "a"), Job("bob", "a")], {("bob", "a"): 0.0, ("ann", "a"): float("nan")})
    assert [j.student for j in (queue.pop(), queue.pop())] == ["ann", "bob"]
