"""nbgrader preprocessors of the course, wired in by ``nbgrader_config.py``.

:class:`SanitizeTestOutputs` runs right after execution, on every autograded test cell:

* It drops stderr output. nbgrader 0.9.6 gives zero to any graded cell that wrote to stderr,
  so a harmless warning raised by a student's (correct) code would cost the whole cell, and
  a warning message quotes the source line it came from, which may be a hidden test.
* It keeps error outputs but rewrites their traceback: the frames that quote the test cell
  itself (the hidden tests) and the frames inside the check helpers are removed; the frames
  of the student's own cells and the final ``CheckFailed: check '...' failed: ...`` message
  stay. So the grade depends only on whether a check failed, and the feedback shows what was
  checked and what differed, never the hidden source.

:func:`score_test_cell` is the grader's rule in one place (also used by the test harness).
"""

from __future__ import annotations

import re

from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["SanitizeTestOutputs", "is_test_cell", "sanitize_test_outputs", "score_test_cell"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_FRAME = re.compile(r"^Cell In\[(\d+)\]")


def is_test_cell(cell: NotebookNode) -> bool:
    """An autograded test cell: graded, not a solution, code."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _keep_frame(frame: str, test_count: int | None) -> bool:
    plain = _ANSI.sub("", frame).lstrip()
    m = _CELL_FRAME.match(plain)
    if m:  # a frame of a notebook cell: keep the student's cells, drop the test cell itself
        return test_count is None or int(m.group(1)) != test_count
    return False  # library frames (the check helpers, torch internals) and separators


def sanitize_test_outputs(cell: NotebookNode) -> NotebookNode:
    """Drop stderr and hidden-source traceback frames from an executed test cell (in place)."""
    outputs = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            continue
        if out.get("output_type") == "error":
            frames = list(out.get("traceback", []))
            kept = [f for f in frames[:-1] if _keep_frame(f, cell.get("execution_count"))]
            summary = f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"
            out["traceback"] = kept + [summary]
        outputs.append(out)
    cell["outputs"] = outputs
    return cell


def score_test_cell(cell: NotebookNode) -> tuple[float, float]:
    """``(score, max_score)`` of an executed test cell, as the course's autograder computes it."""
    from nbgrader.utils import determine_grade

    sanitize_test_outputs(cell)
    score, max_score = determine_grade(cell)
    return float(score or 0.0), float(max_score)


class SanitizeTestOutputs(NbGraderPreprocessor):
    """Autograde step: clean every test cell's outputs (see the module docstring)."""

    def preprocess_cell(self, cell: NotebookNode, resources: dict, cell_index: int) -> tuple[NotebookNode, dict]:
        if is_test_cell(cell):
            sanitize_test_outputs(cell)
        return cell, resources
