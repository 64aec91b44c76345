"""Imported once by a local pool's fork server, before it forks any worker (and while the coordinator
reads the submissions): what each grading process would otherwise do on its first job. It imports the
grading code (torch, nbgrader...), checks that the data is unpacked and loads matplotlib's font list;
every worker forked afterwards starts with all of it done. (A Dask worker can do the same:
``dask worker --preload course.grading.preload``.)
"""

from __future__ import annotations

import sys

# jsonschema (under nbformat) imports rfc3987_syntax, when it is installed, for its optional "iri" format
# checker, and that module builds a grammar on import: 0.9 s of every batch's start, measured. No schema a
# grading job validates uses the format (nbformat's do not), so the grading processes go without it.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

import nbgrader.apps  # noqa: E402, F401

import course.grading.job  # noqa: E402, F401
import course.grading.verdict  # noqa: E402, F401

try:
    from course.data import data_root
    from course.grading.execute import _matplotlib_font_cache, _prepare_data

    _prepare_data(data_root())
    _matplotlib_font_cache()
except Exception:  # noqa: BLE001, S110  (the job does the same again, and reports what is wrong)
    pass
