"""``course collect``: LMS downloads -> ``submitted/<student>/<assignment>/`` with nbgrader's ``zip_collect``.

Supported file-name patterns (what the LMS's "download all submissions" gives):

* ``canvas``: ``<login>[_late]_<user id>_<submission id>_<file name>[-<n>].ipynb``
  (Canvas appends ``-1``, ``-2`` to resubmitted files); the student id is the login.
* ``moodle``: ``<Full Name>_<participant id>_assignsubmission_file_<file name>.ipynb``, or the same
  with ``_assignsubmission_file_/`` as a folder per student ("download submissions in folders");
  the student id is the participant id (names have spaces).

The zip files (or loose notebooks) are copied to ``downloaded/<assignment>/archive/``; nbgrader
extracts them and copies each matched notebook into ``submitted/``. Files that match no pattern
are skipped with a warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["LMS_PATTERNS", "collect"]

LMS_PATTERNS: dict[str, str] = {
    "canvas": r".*/(?P<student_id>[A-Za-z0-9.\-]+?)(?:_late|_LATE)?_\d+_\d+_(?P<file_id>[^/]+?)(?:-\d+)?\.ipynb$",
    "moodle": r".*/[^/]*?_(?P<student_id>\d+)_assignsubmission_file_/?(?P<file_id>[^/]+?)\.ipynb$",
}


def collect(course: Course, assignment: str, sources: list[Path], lms: str) -> list[str]:
    """Collect ``sources`` (zip files, notebooks or folders of them) for ``assignment``.

    Returns the student ids now in ``submitted/`` for this assignment.
    """
    if lms not in LMS_PATTERNS:
        raise ValueError(f"unknown LMS {lms!r}: choose one of {', '.join(LMS_PATTERNS)}")
    course.check_assignments([assignment])
    downloaded = course.root / "downloaded" / assignment
    shutil.rmtree(downloaded, ignore_errors=True)
    archive = downloaded / "archive"
    archive.mkdir(parents=True)
    for src in sources:
        src = Path(src)
        if src.is_dir():
            shutil.copytree(src, archive / src.name, symlinks=False)
        elif src.is_file():
            shutil.copyfile(src, archive / src.name)
        else:
            raise FileNotFoundError(f"no such file or folder: {src}")
    from nbgrader.apps import ZipCollectApp

    from course.grading.coursedir import _venv_on_path

    _venv_on_path()
    cfg = course.config(
        FileNameCollectorPlugin={"named_regexp": LMS_PATTERNS[lms], "valid_ext": [".ipynb"]},
        ZipCollectApp={"force": True},
    )
    app = ZipCollectApp(config=cfg)
    app.initialize([assignment])
    app.start()
    return sorted(p.parent.name for p in course.submitted.glob(f"*/{assignment}"))
