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

__all__ = [
    "ClearStudentOutputs",
    "RedactHiddenTests",
    "SanitizeTestOutputs",
    "StripActiveContent",
    "is_test_cell",
    "neutralise_markdown",
    "sanitize_test_outputs",
    "score_test_cell",
]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CELL_FRAME = re.compile(r"^Cell In\[(\d+)\]")
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
REDACTED = "[hidden test redacted]"


def is_test_cell(cell: NotebookNode) -> bool:
    """An autograded test cell: graded, not a solution, code."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if not isinstance(meta, dict):
        return False
    return cell.get("cell_type") == "code" and meta.get("grade") is True and not meta.get("solution")


def _keep_frame(frame: str, test_count: int | None) -> bool:
    plain = _ANSI.sub("", frame).lstrip()
    m = _CELL_FRAME.match(plain)
    if m:  # a frame of a notebook cell: keep the student's cells, drop the test cell itself
        return test_count is None or int(m.group(1)) != test_count
    return False  # library frames (the check helpers, torch internals) and separators


def sanitize_test_outputs(cell: NotebookNode) -> NotebookNode:
    """Drop stderr and hidden-source traceback frames from an executed test cell (in place)."""
    outputs = []
    for out in cell.get("outputs", None) or []:
        if not isinstance(out, dict):
            continue
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
        source = cell.get("source", "")
        if is_test_cell(cell) and isinstance(source, str):
            for region in _HIDDEN.findall(source):
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
    for out in cell.get("outputs", None) or []:
        if not isinstance(out, dict):
            continue
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


# ---------------------------------------------------------------------------------------------
# active content: nothing a student wrote may run in the instructor's browser (Formgrader renders
# autograded/ in the instructor's Jupyter origin, next to their token) or in the feedback page

#: output types that are plain data (anything else, HTML, JavaScript, SVG, Markdown, LaTeX, widgets, is dropped)
SAFE_MIMES = ("text/plain", "image/png", "image/jpeg", "image/gif")
_DANGEROUS_TAGS = (
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "link", "meta",
    "base", "form", "input", "button", "textarea", "select", "img", "image", "video", "audio", "source", "track",
    "details", "body", "html", "head", "a", "marquee", "template", "portal", "xml", "noscript",
)
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_MATH_TAG = re.compile(r"<(?=/?(?:" + "|".join(_DANGEROUS_TAGS) + r")\b)", re.I)
_BAD_SCHEME = re.compile(r"(?:java|vb|live)\s*script\s*:|data\s*:\s*text/html", re.I)
_SEGMENTS = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]+\$)", re.S)


def neutralise_markdown(text: str) -> str:
    """Markdown whose raw HTML cannot run: tags escaped, ``javascript:`` links broken.

    Code spans and fences are left alone (they render as text); inside maths only tags that could
    run are escaped, so that ``$a<b$`` still reads as maths.
    """
    out = []
    for i, part in enumerate(_SEGMENTS.split(text)):
        if i % 2 == 1 and (part.startswith("`") or part.startswith("~~~")):
            out.append(part)
        elif i % 2 == 1:  # maths
            out.append(_MATH_TAG.sub("&lt;", _BAD_SCHEME.sub("blocked:", part)))
        else:
            part = _TAG_START.sub("&lt;", part)
            out.append(_BAD_SCHEME.sub("blocked:", part))
    return "".join(out)


def strip_active_outputs(cell: NotebookNode) -> None:
    """Keep only plain-data outputs of ``cell`` (text, raster images), in place."""
    for out in cell.get("outputs", []) or []:
        if out.get("output_type") not in ("display_data", "execute_result", "update_display_data"):
            continue
        data = out.get("data", {}) or {}
        kept = {k: v for k, v in data.items() if k in SAFE_MIMES}
        if not kept:
            kept = {"text/plain": "[an output of a kind the grader does not show was removed]"}
        out["data"] = NotebookNode(kept)
        out["metadata"] = NotebookNode({k: v for k, v in (out.get("metadata") or {}).items() if k in SAFE_MIMES})


class StripActiveContent(NbGraderPreprocessor):
    """Autograde and feedback step: no cell may carry content that runs in a browser.

    Outputs keep only text and raster images; markdown cells have their raw HTML escaped and
    ``javascript:`` links broken; attachments keep only raster images.
    """

    def preprocess_cell(self, cell: NotebookNode, resources: dict, cell_index: int):
        if cell.get("cell_type") == "code":
            strip_active_outputs(cell)
        elif cell.get("cell_type") in ("markdown", "raw") and isinstance(cell.get("source"), str):
            cell["source"] = neutralise_markdown(cell["source"])
        attachments = cell.get("attachments")
        if isinstance(attachments, dict):
            for name in list(attachments):
                files = attachments[name] if isinstance(attachments[name], dict) else {}
                safe = {k: v for k, v in files.items() if k in SAFE_MIMES and k != "text/plain"}
                if safe:
                    attachments[name] = NotebookNode(safe)
                else:
                    del attachments[name]
        return cell, resources


class ClearStudentOutputs(NbGraderPreprocessor):
    """Feedback step: the outputs of the student's own cells are not repeated in the feedback.

    They could carry what a student's code read while the hidden tests ran (in any encoding);
    the test cells' outputs, rebuilt by the trusted verdict, stay.
    """

    def preprocess_cell(self, cell: NotebookNode, resources: dict, cell_index: int):
        if cell.get("cell_type") == "code" and not is_test_cell(cell):
            cell["outputs"] = []
        return cell, resources
