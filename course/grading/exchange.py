"""nbgrader's exchange on one machine or a shared server: release, collect, release feedback.

The exchange is a folder (``c.Exchange.root`` in ``nbgrader_config.py``: ``exchange/`` in the course
folder by default, ``$COURSE_EXCHANGE`` when set) that the instructor and every student can reach:

    course release A             release/A/  -> exchange/<course>/outbound/A/   (students: Fetch)
    students submit              their folder -> exchange/<course>/inbound/<student>+A+<time>+<key>/
    course collect A --exchange  newest submission of each student -> submitted/<student>/A/
    course autograde A, course feedback A
    course release-feedback A    feedback/<student>/A/*.html -> exchange/<course>/feedback/  (students: Fetch Feedback)

Each step is nbgrader's own (``NbGraderAPI.release_assignment``, ``collect``, ``release_feedback``),
run with the course's configuration; a failure raises :class:`ExchangeError` with nbgrader's log.
"""

from __future__ import annotations

from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["ExchangeError", "collect_exchange", "exchange_root", "release", "release_feedback"]


class ExchangeError(RuntimeError):
    """nbgrader could not move files through the exchange (its log says why)."""


def exchange_root(course: Course) -> Path:
    """The exchange folder the course's configuration names."""
    cfg = course.config()
    root = cfg.Exchange.root if "root" in cfg.Exchange else "/usr/local/share/nbgrader/exchange"
    return Path(str(root))


def _check(result: dict | None, what: str) -> str:
    if result is None or not result.get("success"):
        result = result or {}
        raise ExchangeError(f"{what} failed:\n{result.get('log', '')}\n{result.get('error', '')}".rstrip())
    return str(result.get("log", ""))


def _in_gradebook(course: Course, assignment: str) -> bool:
    if not course.has_gradebook():
        return False
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(course.db_url(), course.course_id()) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            return False
    return True


def release(course: Course, assignments: list[str], *, force: bool = False) -> list[str]:
    """Release each assignment's ``release/<assignment>/`` to the exchange for students to fetch.

    An assignment the gradebook does not know yet is built first (``course build``), so that its
    submissions can be autograded. ``force`` replaces an assignment released before (students who
    fetched it keep their copy). Returns the assignments released.
    """
    from course.grading.build import build

    names = course.check_assignments(assignments)
    unbuilt = [a for a in names if not _in_gradebook(course, a) or not course.release_notebooks(a)]
    if unbuilt:
        build(course, unbuilt)
    api = course.api(ExchangeReleaseAssignment={"force": force})
    exchange_root(course).mkdir(parents=True, exist_ok=True)
    for a in names:
        result = api.release_assignment(a) or {}
        if not result.get("success") and "already exists" in str(result.get("log", "")):
            raise ExchangeError(f"{a} is already released: pass --force to replace it")
        _check(result, f"nbgrader release_assignment {a}")
    return names


def collect_exchange(course: Course, assignment: str, *, update: bool = True) -> list[tuple[str, str]]:
    """Copy each student's newest submission of ``assignment`` from the exchange into ``submitted/``.

    A submission newer than the one already collected replaces it (``update``). Returns
    ``(student, timestamp)`` for every student whose submission is in ``submitted/`` afterwards.
    """
    course.check_assignments([assignment])
    api = course.api()
    inbound = exchange_root(course) / course.course_id() / "inbound"
    if not inbound.is_dir():
        raise ExchangeError(f"nothing submitted yet: {inbound} does not exist (release the assignment first)")
    _check(api.collect(assignment, update=update), f"nbgrader collect {assignment}")
    students = []
    for folder in sorted(course.submitted.glob(f"*/{assignment}")):
        stamp = folder / "timestamp.txt"
        students.append((folder.parent.name, stamp.read_text().strip() if stamp.is_file() else ""))
    return students


def release_feedback(
    course: Course, assignment: str, students: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """Put the feedback of ``assignment`` (``course feedback`` writes it) into the exchange.

    Each student fetches it from the Assignments tab (*Fetch Feedback*). Only feedback of a submission
    that came through the exchange can be released (nbgrader matches it by the submission's secret).
    Returns the students whose feedback was released, and those whose submission did not come
    through the exchange (send them ``feedback/<student>/<assignment>/`` another way).
    """
    course.check_assignments([assignment])
    api = course.api()
    who = students or sorted(p.parent.name for p in course.feedback.glob(f"*/{assignment}"))
    released, elsewhere = [], []
    for student in who:
        folder = course.feedback / student / assignment
        if not any(folder.glob("*.html")):
            raise ExchangeError(f"no feedback for {student}/{assignment}: run `course feedback {assignment}` first")
        if not (folder / "submission_secret.txt").is_file():
            elsewhere.append(student)  # not submitted through the exchange (an LMS download)
            continue
        _check(api.release_feedback(assignment, student), f"nbgrader release_feedback {assignment} {student}")
        released.append(student)
    return released, elsewhere
