"""The feedback page a student reads: a summary per exercise at the top, then the notebook, maths offline.

Wired in by ``nbgrader_config.py`` for ``course feedback`` and Formgrader's *Generate Feedback* alike:

* :class:`FeedbackSummary` (a feedback step, after nbgrader's ``GetGrades``) makes one row per exercise:
  its title from the notebook's ``### Exercise ...`` heading, the points earned and possible, passed or
  failed, and for a failed part the grader's hint (:mod:`course.grading.diagnose`) or else the check's
  message; each row links to its cell.
* :class:`FeedbackExporter` renders the page with the ``course_feedback`` template (nbgrader's
  feedback template with that summary in place of its list of "Test cell" links) and draws the
  maths of the markdown as MathML on the grader's side (:func:`tex_to_mathml`, with ``latex2mathml``):
  every browser shows it, offline, with no script (nbgrader's page would fetch MathJax from the
  network and show raw ``$$...$$`` without it).

Everything from a submission is escaped: the messages may quote the student's own errors. The MathML
is rebuilt element by element from a list of MathML tags and attributes (no link, no script, no style).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from jinja2 import pass_context
from nbconvert.exporters import HTMLExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from course.grading.diagnose import diagnosis_of
from course.grading.preprocessors import is_test_cell, neutralise_markdown

__all__ = ["FeedbackExporter", "FeedbackSummary", "markdown_cell_to_html", "markdown_to_html", "summary_rows", "tex_to_mathml"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

# ---------------------------------------------------------------------------------------------
# maths: TeX -> MathML, on the grader's side

_TAGS = {
    "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msub", "msup", "msubsup", "mfrac", "msqrt", "mroot",
    "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle", "mpadded", "mphantom", "menclose",
    "mmultiscripts", "mprescripts", "none", "merror",
}
_ATTRS = {
    "display", "mathvariant", "stretchy", "fence", "separator", "lspace", "rspace", "width", "height", "depth",
    "linethickness", "columnalign", "rowalign", "columnspacing", "rowspacing", "accent", "accentunder",
    "movablelimits", "largeop", "symmetric", "minsize", "maxsize", "form", "displaystyle", "scriptlevel", "notation",
}
_SAFE_VALUE = re.compile(r"^[\w.\- %#]{0,40}$")
_BARE_AMP = re.compile(r"&(?!#x?[0-9A-Fa-f]+;|[A-Za-z]+;)")


def _styled(text: str, variant: str) -> str | None:
    """``text`` in the Unicode mathematical alphabet of ``variant`` (MathML Core draws only 'normal')."""
    specials = {
        "double-struck": {"C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"},
        "script": {"B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ", "g": "ℊ",
                   "o": "ℴ"},
    }
    starts = {"bold": (0x1D400, 0x1D41A, 0x1D7CE), "double-struck": (0x1D538, 0x1D552, 0x1D7D8),
              "script": (0x1D49C, 0x1D4B6, None), "bold-italic": (0x1D468, 0x1D482, None),
              "sans-serif": (0x1D5A0, 0x1D5BA, 0x1D7E2), "fraktur": (0x1D504, 0x1D51E, None)}
    if variant not in starts:
        return None
    upper, lower, digit = starts[variant]
    out = []
    for ch in text:
        if ch in specials.get(variant, {}):
            out.append(specials[variant][ch])
        elif "A" <= ch <= "Z":
            out.append(chr(upper + ord(ch) - ord("A")))
        elif "a" <= ch <= "z":
            out.append(chr(lower + ord(ch) - ord("a")))
        elif "0" <= ch <= "9" and digit:
            out.append(chr(digit + ord(ch) - ord("0")))
        else:
            return None
    return "".join(out)


def _rebuild(el: ET.Element) -> str:
    tag = el.tag.rsplit("}", 1)[-1]
    text = el.text or ""
    attrs = {k.rsplit("}", 1)[-1]: v for k, v in el.attrib.items()}
    variant = attrs.get("mathvariant", "")
    if variant not in ("", "normal") and text.strip():
        styled = _styled(text.strip(), variant)
        if styled is not None:
            text, attrs = styled, {k: v for k, v in attrs.items() if k != "mathvariant"}
    inner = html.escape(text, quote=False) + "".join(_rebuild(child) for child in el)
    tail = html.escape(el.tail or "", quote=False)
    if tag not in _TAGS:  # anything else (a link, a script): its text only
        return inner + tail
    kept = "".join(f' {k}="{html.escape(v)}"' for k, v in sorted(attrs.items()) if k in _ATTRS and _SAFE_VALUE.match(v))
    if tag == "math":
        kept = ' xmlns="http://www.w3.org/1998/Math/MathML"' + kept
    return f"<{tag}{kept}>{inner}</{tag}>{tail}"


def tex_to_mathml(tex: str, *, display: bool = False) -> str:
    """MathML for the TeX ``tex`` (rebuilt from a list of safe tags and attributes), or the TeX itself,
    escaped, in a ``<code>`` when it cannot be converted."""
    try:
        from latex2mathml.converter import convert

        raw = convert(tex, display="block" if display else "inline")
        return _rebuild(ET.fromstring(_BARE_AMP.sub("&amp;", raw)))
    except Exception:
        delim = "$$" if display else "$"
        return f'<code class="tex">{html.escape(delim + tex + delim)}</code>'


class _MathMLRenderer(IPythonRenderer):
    """nbconvert's markdown renderer with the maths drawn as MathML instead of left for MathJax, links only
    to harmless schemes (no ``javascript:``, however it is spelled) and images only from the notebook
    itself (attachments, data URLs): the page fetches nothing."""

    def __init__(self, **kwargs) -> None:
        super().__init__(allow_harmful_protocols=False, **kwargs)

    def image(self, text: str, url: str, title: str | None = None) -> str:
        try:
            url = self._embed_image_or_attachment(url)
        except Exception:  # a missing attachment: show the alt text
            url = ""
        if not url.startswith(self.GOOD_DATA_PROTOCOLS):
            return f'<span class="image-not-shown">[image: {html.escape(text)}]</span>'
        return super(IPythonRenderer, self).image(text, url, title)

    def block_math(self, body: str) -> str:
        return tex_to_mathml(body, display=True)

    def inline_math(self, body: str) -> str:
        return tex_to_mathml(body)

    def latex_environment(self, name: str, body: str) -> str:
        return tex_to_mathml(f"\\begin{{{name}}}{body}\\end{{{name}}}", display=True)


def markdown_to_html(source: str, *, anchors: bool = True, attachments: dict | None = None,
                     anchor_link_text: str = "¶") -> str:
    """Markdown to HTML as nbconvert renders it, the maths as MathML."""
    renderer = _MathMLRenderer(escape=False, attachments=attachments or {}, anchor_link_text=anchor_link_text,
                               exclude_anchor_links=not anchors)
    return MarkdownWithMath(renderer=renderer).render(source)


@pass_context
def markdown_cell_to_html(context, source: str) -> str:
    """nbconvert's ``markdown2html`` filter with the maths as MathML: the cell's attachments shown, nothing
    fetched. nbgrader_config.py gives it to every ``HTMLExporter``, so that Formgrader (which renders with a
    plain ``HTMLExporter`` and loads MathJax from a CDN) shows the maths offline too."""
    cell = context.get("cell", {})
    return markdown_to_html(source, attachments=cell.get("attachments", {}))


# ---------------------------------------------------------------------------------------------
# the summary

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
_POINTS = re.compile(r"\s*\((?:\d+(?:\.\d+)?\s+points?)(?:,\s*([^)]*))?\)", re.I)


def _headings(source: str) -> list[str]:
    return [m.group(1) for m in _HEADING.finditer(source)]


def notebook_title(nb: NotebookNode) -> str | None:
    """The notebook's first top-level heading (``# Assignment 1 — ...``), if any."""
    for cell in nb.cells:
        if cell.get("cell_type") == "markdown":
            m = re.search(r"^\s{0,3}#\s+(.+?)\s*$", cell.get("source", ""), re.M)
            if m:
                return m.group(1)
    return None


def _clean_title(title: str) -> str:
    """``Exercise 5 (2 points): softmax by hand`` -> ``Exercise 5: softmax by hand`` (points shown apart;
    a remark such as "graded by hand" stays)."""
    return _POINTS.sub(lambda m: f" ({m.group(1)})" if m.group(1) else "", title).strip()


def _inline(markdown: str) -> str:
    """One line of markdown (a title, a hint) as inline HTML: code spans and maths kept, the rest escaped."""
    out = markdown_to_html(neutralise_markdown(markdown), anchors=False).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)


def _number(x) -> str:
    return "–" if x is None else f"{float(x):g}"


def _failure_text(cell: NotebookNode) -> str:
    """The verdict's message of a failed test cell, without the hint (shown apart)."""
    for out in cell.get("outputs", []) or []:
        if out.get("output_type") == "error":
            text = str(out.get("evalue") or out.get("ename") or "failed")
            return text.split("\n\nHint: ", 1)[0]
    return "failed"


def _part_label(grade_id: str) -> str:
    return grade_id.removeprefix("test_").replace("_", " ")


def summary_rows(nb: NotebookNode) -> list[dict]:
    """One row per exercise of a graded notebook (after ``GetGrades``): title, anchor, points, status,
    and each graded part with its outcome, hint and message."""
    rows: list[dict] = []
    title, current, exercise_seen = None, None, False
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {}) or {}
        if cell.get("cell_type") == "markdown":
            heads = _headings(cell.get("source", ""))
            exercises = [h for h in heads if re.match(r"(?i)exercise\b", h)]
            if exercises:  # graded cells belong to the latest "Exercise ..." heading
                title, exercise_seen = exercises[-1], True
            elif heads and not exercise_seen:
                title = heads[-1]
        graded = meta.get("grade") or meta.get("task")
        if not graded:
            continue
        if current is None or current["heading"] != title:
            current = {"heading": title, "title": _clean_title(title or meta.get("grade_id", "")),
                       "anchor": meta.get("grade_id", ""), "parts": []}
            rows.append(current)
        score, points = meta.get("score"), meta.get("points")
        part = {"id": meta.get("grade_id", ""), "label": _part_label(meta.get("grade_id", "")), "score": score,
                "points": points, "auto": is_test_cell(cell)}
        if part["auto"]:
            part["passed"] = score is not None and points is not None and float(score) >= float(points)
            if not part["passed"]:
                d = diagnosis_of(cell)
                part["hint"] = d.hint if d else ""
                part["message"] = _failure_text(cell)
        else:
            part["passed"] = None  # graded by hand
        current["parts"].append(part)
    for row in rows:
        parts = row["parts"]
        row["score"] = None if any(p["score"] is None for p in parts) else sum(float(p["score"]) for p in parts)
        row["points"] = sum(float(p["points"] or 0) for p in parts)
        auto = [p for p in parts if p["auto"]]
        if not auto:
            row["status"] = "by hand" if row["score"] is not None else "to be graded"
        elif all(p["passed"] for p in auto):
            row["status"] = "passed"
        elif any(p["passed"] for p in auto):
            row["status"] = "partly"
        else:
            row["status"] = "failed"
    return rows


_STATUS = {"passed": ("✓", "passed"), "failed": ("✗", "failed"), "partly": ("◐", "partly passed"),
           "by hand": ("✎", "graded by hand"), "to be graded": ("…", "to be graded by hand")}


def summary_html(rows: list[dict], late_penalty: float = 0.0) -> str:
    """The summary table (HTML, everything escaped)."""
    out = ['<table class="course-summary">',
           "<thead><tr><th>exercise</th><th class=\"pts\">points</th><th>result</th><th>what to look at</th></tr></thead>",
           "<tbody>"]
    for row in rows:
        mark, word = _STATUS[row["status"]]
        notes = []
        several = sum(p["auto"] for p in row["parts"]) > 1
        failed = [p for p in row["parts"] if p["auto"] and not p["passed"]]
        groups: dict[tuple[str, str], list[dict]] = {}  # one note per distinct hint (or message), its parts named
        for p in failed:
            groups.setdefault(("hint", p["hint"]) if p.get("hint") else ("message", p.get("message", "failed")), []).append(p)
        for (kind, text), parts in groups.items():
            label = ""
            if several and (len(parts) < len(failed) or len(failed) < sum(q["auto"] for q in row["parts"])):
                names = ", ".join(f'<a href="#{html.escape(q["id"])}">{html.escape(q["label"])}</a>' for q in parts)
                label = f'<span class="part">{names}:</span> '
            if kind == "hint":
                notes.append(f'<div class="hint">{label}<b>Hint:</b> {_inline(text)}</div>')
            else:
                text = text if len(text) <= 400 else text[:397] + "..."
                notes.append(f'<div class="message">{label}<code>{html.escape(text)}</code></div>')
        if row["status"] == "to be graded":
            notes.append('<div class="message">your instructor grades this answer by hand</div>')
        points = f'{_number(row["score"])} / {_number(row["points"])}'
        out.append(
            f'<tr class="{row["status"].replace(" ", "-")}"><td><a href="#{html.escape(row["anchor"])}">'
            f'{_inline(row["title"])}</a></td><td class="pts">{points}</td>'
            f'<td class="status"><span class="sym">{mark}</span> {word}</td><td>{"".join(notes)}</td></tr>'
        )
    out.append("</tbody>")
    if late_penalty:
        out.append(f'<tfoot><tr class="late"><td>late submission penalty</td><td class="pts">−{late_penalty:g}</td>'
                   "<td></td><td></td></tr></tfoot>")
    out.append("</table>")
    return "\n".join(out)


class FeedbackSummary(NbGraderPreprocessor):
    """Feedback step (after ``GetGrades``): the per-exercise summary into ``resources["course_summary"]``."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        info = resources.get("nbgrader", {})
        rows = summary_rows(nb)
        title = notebook_title(nb)
        resources["course_title"] = _inline(title) if title else html.escape(str(info.get("notebook", "")))
        resources["course_summary"] = summary_html(rows, float(info.get("late_penalty") or 0.0))
        return nb, resources


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback page with the course's summary, the maths drawn as MathML, nothing fetched."""

    def __init__(self, config=None, **kwargs):
        import copy

        from traitlets.config import Config

        # the course's template folder after nbgrader's (where 'feedback', the template ours extends, lives)
        cfg = copy.deepcopy(config) if config is not None else Config()
        dirs = list(cfg.get("FeedbackExporter", {}).get("extra_template_basedirs")
                    or cfg.get("HTMLExporter", {}).get("extra_template_basedirs") or [])
        cfg.FeedbackExporter.extra_template_basedirs = [*dirs, str(TEMPLATES)] if str(TEMPLATES) not in dirs else dirs
        # and nbgrader's template root among the search paths, for {% extends 'feedback/index.html.j2' %}
        import nbgrader

        root = str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates")
        paths = list(cfg.get("FeedbackExporter", {}).get("extra_template_paths")
                     or cfg.get("HTMLExporter", {}).get("extra_template_paths") or [])
        cfg.FeedbackExporter.extra_template_paths = [*paths, root] if root not in paths else paths
        cfg.FeedbackExporter.setdefault("template_name", "course_feedback")
        # our markdown2html below, not the one nbgrader_config.py gives every HTMLExporter (for Formgrader)
        filters = dict(cfg.get("FeedbackExporter", {}).get("filters") or cfg.get("HTMLExporter", {}).get("filters") or {})
        filters.pop("markdown2html", None)
        cfg.FeedbackExporter.filters = filters
        super().__init__(config=cfg, **kwargs)

    @pass_context
    def markdown2html(self, context, source):
        """nbconvert's markdown filter, with the maths as MathML."""
        cell = context.get("cell", {})
        return markdown_to_html(source, anchors=not self.exclude_anchor_links, attachments=cell.get("attachments", {}),
                                anchor_link_text=self.anchor_link_text)
