"""Imported once by a local pool's fork server, before it forks any worker (and while the coordinator
reads the submissions): what each grading process would otherwise do on its first job. It imports the
grading code (torch, nbgrader...), checks that the data is unpacked and loads matplotlib's font list;
every worker forked afterwards starts with all of it done.
"""

from __future__ import annotations

import nbgrader.apps  # noqa: F401

import course.grading.job  # noqa: F401
import course.grading.verdict  # noqa: F401

try:
    from course.data import data_root
    from course.grading.execute import _matplotlib_font_cache, _prepare_data

    _prepare_data(data_root())
    _matplotlib_font_cache()
except Exception:  # noqa: BLE001, S110  (the job does the same again, and reports what is wrong)
    pass
