"""``course build``: source/ -> release/ with ``nbgrader generate_assignment``, then a leak scan."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["BuildError", "Leak", "build", "find_leaks", "hidden_lines"]

MARKERS = re.compile(
    r"BEGIN SOLUTION|END SOLUTION|BEGIN HIDDEN TESTS|END HIDDEN TESTS|BEGIN MARK SCHEME|END MARK SCHEME"
)
_REGION = re.compile(
    r"^[ \t]*(?:#+|<!--)?[ \t]*### BEGIN (SOLUTION|HIDDEN TESTS)[^\n]*\n(.*?)^[ \t]*(?:#+|<!--)?[ \t]*### END \1",
    re.M | re.S,
)


class BuildError(RuntimeError):
    """nbgrader could not generate an assignment, or the release leaks instructor-only text."""


@dataclass(frozen=True)
class Leak:
    """Instructor-only text found in a released notebook."""

    path: Path
    text: str

    def __str__(self) -> str:
        return f"{self.path}: {self.text!r}"


def _cell_sources(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"]]


def hidden_lines(source_notebook: Path, regions: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> set[str]:
    """Lines that only occur inside the given regions (solution, hidden tests) of ``source_notebook``.

    Blank lines, comments, and lines that also occur outside those regions (``return y``,
    say) are left out: they would be no evidence of a leak.
    """
    inside: set[str] = set()
    outside: set[str] = set()
    for src in _cell_sources(source_notebook):
        rest = src
        for m in reversed(list(_REGION.finditer(src))):
            if m.group(1) in regions:
                inside.update(line.strip() for line in m.group(2).splitlines())
                rest = rest[: m.start()] + rest[m.end() :]
        outside.update(line.strip() for line in rest.splitlines())
    return {
        line
        for line in inside - outside
        if len(line) >= 8 and not line.startswith("#") and line not in {"pass", "return", "else:"}
    }


def find_leaks(course: Course, assignments: list[str] | None = None) -> list[Leak]:
    """Markers, solution lines or hidden-test lines of ``source/`` found anywhere in ``release/``."""
    leaks: list[Leak] = []
    for a in course.check_assignments(assignments):
        secret: set[str] = set()
        for nb in course.source_notebooks(a):
            secret |= hidden_lines(nb)
        for path in sorted((course.release / a).rglob("*")):
            if not path.is_file():
                continue
            if path.name.endswith(".fingerprints.json"):  # every check's fingerprints: hidden inputs' values
                leaks.append(Leak(path, "an instructor-only fingerprint file"))
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            lines = (
                {line.strip() for src in _cell_sources(path) for line in src.splitlines()}
                if path.suffix == ".ipynb"
                else {line.strip() for line in text.splitlines()}
            )
            for m in MARKERS.finditer(text):
                leaks.append(Leak(path, m.group(0)))
            for line in sorted(lines & secret):
                leaks.append(Leak(path, line))
    return leaks


def build(course: Course, assignments: list[str] | None = None, *, progress: bool = False) -> list[str]:
    """Regenerate ``release/<assignment>/`` for each assignment and record it in the gradebook.

    Raises :class:`BuildError` when nbgrader fails or the result leaks instructor-only text.
    Returns the assignments built.
    """
    names = course.check_assignments(assignments)
    api = course.api()
    items = names
    if progress:
        from tqdm import tqdm

        items = tqdm(names, desc="build", unit="assignment")
    for a in items:
        result = api.generate_assignment(a, force=True, create=True)
        if not result["success"]:
            raise BuildError(f"nbgrader generate_assignment {a} failed:\n{result.get('log', '')}\n{result.get('error', '')}")
    leaks = find_leaks(course, names)
    if leaks:
        raise BuildError("release/ leaks instructor-only text:\n" + "\n".join(f"  {leak}" for leak in leaks[:20]))
    return names
