"""Remove what a grading process that died left behind (its scratch folders, kernel run folders, cgroups).

A batch's folder (``course-batch-*``), a job's scratch folder (``course-job-*``) and a kernel's run
folder (``kernel-*``, see :class:`course.grading.execute.RobustExecute`) each hold the pid of the
process that made it, in a file ``.owner``. :func:`sweep` removes those whose owner no longer runs: the
record folder's tmpfs is unmounted and the kernel's (empty) cgroups removed first. Folders of live
processes, folders without an owner file, and folders that are not this user's alone (another local
user can plant one in the shared temp folder) are left alone.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

__all__ = ["sweep"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner(folder: Path) -> int | None:
    """The pid in ``folder/.owner``, if the folder is one of ours: owned by this user, writable by nobody
    else (a temp folder is shared with every local user), its owner file a small regular file (read
    without following a link)."""
    from course.grading.verdict import _read_regular_file

    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        return None
    data = _read_regular_file(folder, ".owner", 32)
    text = data.decode("ascii", "replace").strip() if data is not None else ""
    return int(text) if text.isdigit() else None


def _mounts_under(folder: Path) -> list[str]:
    prefix = str(folder).rstrip("/") + "/"
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return []
    points = [line.split()[1] for line in lines if len(line.split()) > 1]
    return sorted((p for p in points if p.startswith(prefix)), key=len, reverse=True)


def _remove(folder: Path) -> None:
    from course.grading.execute import _unmount
    from course.grading.sandbox import cleanup_cgroup

    for point in _mounts_under(folder):
        _unmount(Path(point))
    if folder.name.startswith("kernel-"):
        cleanup_cgroup(folder.name)
    shutil.rmtree(folder, ignore_errors=True)


def sweep(*roots: Path) -> int:
    """Remove the leftovers of dead grading processes under ``roots`` and the system's temp folder.

    Returns how many folders were removed.
    """
    removed = 0
    bases = {Path(r) for r in roots} | {Path(tempfile.gettempdir())}
    for base in bases:
        try:
            entries = list(base.iterdir())
        except OSError:
            continue
        for folder in entries:
            if not folder.name.startswith(("course-batch-", "course-job-", "kernel-")) or folder.is_symlink() \
                    or not folder.is_dir():
                continue
            pid = _owner(folder)
            if pid is None or _alive(pid):
                continue
            _remove(folder)
            removed += 1
    return removed
