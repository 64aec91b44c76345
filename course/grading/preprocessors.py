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

:class:`RedactHiddenTests` runs after the verdict, on every cell: student code can read the
source of the cell IPython is about to run (a ``pre_run_cell`` hook) and print it later, from a
cell of its own. Any output line that contains a line of a hidden-test region is replaced by
``[hidden test redacted]``, so neither ``autograded/`` nor the feedback shows hidden-test source.

:func:`score_test_cell` is the grader's rule in one place (also used by the test harness).
"""

from __future__ import annotations

import re

from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["RedactHiddenTests", "SanitizeTestOutputs", "is_test_cell", "sanitize_test_outputs", "score_test_cell"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_FRAME = re.compile(r"^Cell In\[(\d+)\]")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
REDACTED = "[hidden test redacted]"


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


def hidden_test_lines(nb: NotebookNode, min_length: int = 8) -> set[str]:
    """The stripped lines of the hidden-test regions of ``nb``'s test cells (short lines left out)."""
    lines: set[str] = set()
    for cell in nb.cells:
        if is_test_cell(cell):
            for region in _HIDDEN.findall(cell.get("source", "")):
                lines.update(x.strip() for x in region.splitlines() if len(x.strip()) >= min_length)
    return lines


def _redact_text(text: str, secret: set[str]) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        plain = _ANSI.sub("", line)
        out.append(REDACTED + ("\n" if line.endswith("\n") else "") if any(s in plain for s in secret) else line)
    return "".join(out)


def redact_outputs(cell: NotebookNode, secret: set[str]) -> None:
    """Replace every output line of ``cell`` that contains a ``secret`` line (in place)."""
    for out in cell.get("outputs", []):
        kind = out.get("output_type")
        if kind == "stream":
            out["text"] = _redact_text(out.get("text", ""), secret)
        elif kind == "error":
            out["evalue"] = _redact_text(out.get("evalue", ""), secret)
            out["traceback"] = [_redact_text(t, secret) for t in out.get("traceback", [])]
        elif kind in ("execute_result", "display_data"):
            data = out.get("data", {})
            for mime, value in list(data.items()):
                if mime.startswith("text/") or mime.endswith("json"):
                    text = value if isinstance(value, str) else "".join(value) if isinstance(value, list) else str(value)
                    if any(s in text for s in secret):
                        data[mime] = _redact_text(text, secret)


class RedactHiddenTests(NbGraderPreprocessor):
    """Autograde step: no output of any cell may quote a hidden test (see the module docstring)."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        secret = hidden_test_lines(nb)
        if secret:
            for cell in nb.cells:
                redact_outputs(cell, secret)
        return nb, resources
