"""A submission folder read once, safely, into plain data: what a grading job receives.

The coordinator (root, on the instructor's machine) reads ``submitted/<student>/<assignment>/`` with
:func:`take_snapshot` and never writes it. Only the top level is listed; nothing is followed: a symbolic
link stays a link (its target is never read), and only the files intake may use are read at all, and
only up to a cap (``.ipynb`` files up to :data:`MAX_READ_BYTES`, nbgrader's own small files up to
:data:`NBGRADER_FILES`). Everything else is described by its name, kind and size. The snapshot is
plain picklable data, so a job on another machine grades exactly what was read here, and
:meth:`Snapshot.digest` names those input bytes (a second batch skips a submission whose digest it
already graded).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MAX_READ_BYTES", "MAX_TIMESTAMP_BYTES", "MAX_TOTAL_READ_BYTES", "NBGRADER_FILES", "Entry", "Snapshot", "take_snapshot"]

#: notebooks larger than this are not read (intake refuses them by size: see intake.MAX_NOTEBOOK_BYTES)
MAX_READ_BYTES = 20 * 1024 * 1024
MAX_TIMESTAMP_BYTES = 200
#: the small text files nbgrader itself writes into a submission, read up to these sizes: its submission
#: time, and the secret its exchange needs to release the feedback to the student who submitted
NBGRADER_FILES = {"timestamp.txt": MAX_TIMESTAMP_BYTES, "submission_secret.txt": 256}
MAX_ENTRIES = 1000
#: the bytes read from one submission in all (many large notebooks must not fill the grader's memory);
#: the smallest files are read first, so an honest notebook is read whatever else is handed in beside it
MAX_TOTAL_READ_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Entry:
    """One top-level entry of a submission folder."""

    name: str
    kind: str  # "file", "link", "dir", "other"
    size: int = 0
    data: bytes | None = None  # the bytes, for a notebook or timestamp.txt within the caps

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.name)[1]

    @property
    def stem(self) -> str:
        return os.path.splitext(self.name)[0]


@dataclass(frozen=True)
class Snapshot:
    """What a student handed in for one assignment (None entries: no folder at all)."""

    name: str  # the folder's name (the assignment id)
    entries: tuple[Entry, ...] | None = field(default=None)
    truncated: int = 0  # entries beyond MAX_ENTRIES, not listed

    @property
    def exists(self) -> bool:
        return self.entries is not None

    def digest(self) -> str:
        """SHA-256 of everything a grading job sees: names, kinds, sizes and the bytes read."""
        h = hashlib.sha256()
        if self.entries is None:
            return h.hexdigest()
        for e in self.entries:
            h.update(f"{e.name}\0{e.kind}\0{e.size}\0".encode("utf-8", "surrogateescape"))
            if e.data is not None:
                h.update(hashlib.sha256(e.data).digest())
        h.update(str(self.truncated).encode())
        return h.hexdigest()


def _wants_bytes(name: str) -> int:
    if name in NBGRADER_FILES:
        return NBGRADER_FILES[name]
    if name.endswith(".ipynb"):
        return MAX_READ_BYTES
    return 0


def _read(folder: Path, name: str, limit: int) -> tuple[str, int, bytes | None]:
    """(kind, size, bytes or None) of ``folder/name``, opened without following a link."""
    try:
        fd = os.open(folder / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return "other", 0, None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return ("dir" if stat.S_ISDIR(info.st_mode) else "other"), 0, None
        if info.st_size > limit:
            return "file", info.st_size, None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            return "file", len(data), None
        return "file", len(data), data
    finally:
        os.close(fd)


def take_snapshot(folder: Path) -> Snapshot:
    """Read the submission ``folder`` (see the module); a missing folder or a link gives no entries."""
    folder = Path(folder)
    try:
        info = os.lstat(folder)
    except OSError:
        return Snapshot(folder.name)
    if not stat.S_ISDIR(info.st_mode):
        return Snapshot(folder.name)
    entries: list[Entry] = []
    wanted: list[tuple[int, int]] = []  # (size, index in entries) of the files whose bytes intake uses
    truncated = 0
    try:
        listing = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return Snapshot(folder.name)
    for item in listing:
        if len(entries) >= MAX_ENTRIES:
            truncated += 1
            continue
        try:
            mode = item.stat(follow_symlinks=False).st_mode
        except OSError:
            entries.append(Entry(item.name, "other"))
            continue
        if stat.S_ISLNK(mode):
            entries.append(Entry(item.name, "link"))
        elif stat.S_ISDIR(mode):
            entries.append(Entry(item.name, "dir"))
        elif not stat.S_ISREG(mode):
            entries.append(Entry(item.name, "other"))
        else:
            size = item.stat(follow_symlinks=False).st_size
            entries.append(Entry(item.name, "file", size))
            if _wants_bytes(item.name):
                wanted.append((size, len(entries) - 1))
    budget = MAX_TOTAL_READ_BYTES
    for _, index in sorted(wanted):
        name = entries[index].name
        limit = min(_wants_bytes(name), budget)
        kind, size, data = _read(folder, name, limit) if limit else ("file", entries[index].size, None)
        entries[index] = Entry(name, kind, size, data)
        budget -= len(data or b"")
    return Snapshot(folder.name, tuple(entries), truncated)
