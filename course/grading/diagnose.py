"""The grader's diagnoses: which mistake a failing test cell shows, in words for the student.

After the trusted verdict (:mod:`course.grading.verdict`) has failed a test cell, :func:`diagnose_cell`
looks at the *evidence*: each failing check's value (from the records the kernel wrote, judged
outside the kernel), and the error the cell raised, if any. Then, in this order:

1. **A catalogued mistake.** Every wrong answer of the catalogue (``tests/answers/``) has a
   *fingerprint*: the evidence its code produced in each test cell it fails, made by the catalogue's
   wrong-answer walk and stored next to the source notebook as ``<notebook>.fingerprints.json``
   (instructor-only, like ``source/``: ``c.CourseDirectory.ignore`` keeps it out of ``release/``),
   and embedded in the notebook's manifest when it is built. A mistake *matches* a cell when some of
   its entries for that cell match the failing checks' evidence within each check's tolerance
   (:func:`course.diagnose.entry_matches`), and either all of them match (a complete match) or one of
   the matched ones is a value (not only a type, a shape or an error message).
   **The most specific match wins**: a complete match before a partial one; then the one that
   explains more failing checks; then the one with more value matches; then the one with fewer
   entries left unmatched. If mistakes with different hints tie, the evidence cannot tell them apart
   and no catalogue hint is given.
2. **A generic diagnosis of the cell**: not answered yet (``NotImplementedError``), a name not
   defined (``NameError``), or the visible checks pass but a hidden one fails with the visible test's
   value (a hard-coded result) or with a size problem (sizes hard-coded).
3. **A generic diagnosis of a value** (:func:`course.diagnose.generic`), on the failing checks in
   order: NaN or inf, transposed, a constant factor, right except at 0, a number for a tensor, dtype.

Nothing is diagnosed for a cell that passed, nor for a cell the kernel never finished (died, timed
out, not run): no evidence, no hint. :func:`fingerprint_files` writes the stored files;
``<notebook>.hints.json`` holds only the fingerprints of visible checks (values of visible inputs,
no expected value) and ships with the release, where :func:`course.diagnose.visible_hint` uses them.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode

from course.diagnose import Finding, entry_matches, error_text, evidence, generic, is_strong, opaque
from course.grading.manifests import fingerprint_paths

__all__ = [
    "FINGERPRINT_FORMAT",
    "Diagnosis",
    "cell_evidence",
    "diagnose_cell",
    "diagnosis_of",
    "fingerprint_files",
    "fingerprint_paths",
    "load_fingerprints",
    "set_diagnosis",
    "visible_check",
]

FINGERPRINT_FORMAT = 1
#: where a diagnosis is kept in an autograded test cell's metadata (read by the feedback and the report)
METADATA_KEY = "course_diagnosis"
#: error outputs the grader writes itself (a cell it never finished): nothing to diagnose
_GRADER_ERRORS = ("KernelDied", "NotRun", "CellTimeoutError", "OutputCapped")


@dataclass(frozen=True)
class Diagnosis:
    """What the grader recognised in a failing test cell."""

    kind: str  # "catalogue" (a known mistake) or "generic"
    key: str  # the mistake ("<solution cell>/<name>") or the generic rule ("nan", "factor:times-1", ...)
    hint: str  # what the student reads
    check: str = ""  # the check it explains ("" for the cell as a whole)

    def as_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------------------------------------
# evidence


@dataclass
class _Failing:
    ref: dict
    entry: dict
    got: Any = None
    other: Any = None


def _decoded(d: dict | None) -> Any:
    """A recorded value rebuilt for the diagnoses (an opaque stand-in when only its type is known)."""
    from course.grading.verdict import _decode, _Unrecordable

    if d is None:
        return opaque("?")
    try:
        value = _decode(d)
    except Exception:
        value = _Unrecordable()
    if isinstance(value, _Unrecordable):
        return opaque(d["type"][0] if d.get("type") else "?")
    return value


def _forbidden_found(ref: dict, sources: list[str]) -> list[str]:
    from course import staticcheck

    source = staticcheck.definition_source(sources, ref["params"].get("target") or "")
    if source is None:
        return []
    return sorted(staticcheck.forbidden_uses(source, ref["params"].get("forbidden", []),
                                             staticcheck.import_aliases(sources)))


def _failing(references: list[dict], records: list[dict], kernel_errors: list[dict], sources: list[str]) -> list[_Failing]:
    from course.grading.verdict import judge, judge_static

    by_name: dict[str, list[dict]] = {}
    for rec in records:
        by_name.setdefault(rec["name"], []).append(rec)
    out: list[_Failing] = []
    for ref in references:
        name, rule, params = ref["name"], ref["rule"], ref["params"]
        if rule == "not_using":
            if judge_static(ref, sources):
                out.append(_Failing(ref, {"check": name, "rule": rule, "found": _forbidden_found(ref, sources)}))
            continue
        rec = next((r for r in by_name.get(name, []) if judge(ref, r)), None)
        if rec is None:
            continue  # passed, or did not run (an error stopped the cell: that error is the evidence)
        if rec["rule"] != rule:
            continue
        if rule == "type":
            out.append(_Failing(ref, {"check": name, "rule": rule, "type": (rec["got"]["type"] or ["?"])[0]},
                                got=_decoded(rec["got"])))
            continue
        got_d = rec["got"]
        got = got_d["value"] if (rule == "equal" and got_d["kind"] == "python") else _decoded(got_d)
        other = _decoded(rec["params"].get("other")) if rule in ("agree", "distinct") else None
        tol = (params.get("rtol"), params.get("atol"))
        stats_tol = None
        if rule == "moments":
            stats_tol = (float(params.get("mean_atol", 0.0)), float(params.get("std_rtol", 0.0)) * abs(float(params.get("std", 0.0))))
        entry = evidence(name, rule, got, other=other, tol=tol, stats_tol=stats_tol)
        out.append(_Failing(ref, entry, got=got, other=other))
    error = next((e for e in kernel_errors if e.get("ename") not in _GRADER_ERRORS), None)
    if error is not None and error.get("ename") == "CheckFailed" and out:
        error = None  # a check that failed in the kernel: its record is the evidence
    if error is not None:
        out.append(_Failing({"name": "", "rule": "error", "params": {}},
                            {"check": "", "rule": "error", "error": error_text(str(error.get("ename", "")),
                                                                                str(error.get("evalue", "")))}))
    return out


def cell_evidence(references: list[dict], records: list[dict], kernel_errors: list[dict], sources: list[str]) -> list[dict]:
    """The evidence of a judged test cell: one entry per failing check (and one for the cell's error).

    ``references`` are the manifest's checks of the cell, ``records`` what the kernel recorded while it
    ran, ``kernel_errors`` its error outputs, ``sources`` the submitted code cells before it. These
    entries are what a fingerprint stores and what :func:`diagnose_cell` matches.
    """
    return [f.entry for f in _failing(references, records, kernel_errors, sources)]


# ---------------------------------------------------------------------------------------------
# the diagnosis


def _rank(entries: list[dict], seen: dict[tuple[str, str], dict]) -> tuple | None:
    matched = [e for e in entries if (key := (e.get("check", ""), e.get("rule", ""))) in seen and entry_matches(e, seen[key])]
    if not matched:
        return None
    complete = len(matched) == len(entries)
    strong = sum(is_strong(e) for e in matched)
    if not complete and not strong:
        return None
    return (complete, len(matched), strong, -(len(entries) - len(matched)))


def catalogue_match(grade_id: str, seen_entries: list[dict], fingerprints: dict | None) -> Diagnosis | None:
    """The most specific catalogued mistake whose fingerprint matches the cell's evidence (see the module)."""
    if not fingerprints or not seen_entries:
        return None
    seen = {(e.get("check", ""), e.get("rule", "")): e for e in seen_entries}
    best: tuple | None = None
    winners: dict[str, str] = {}  # hint -> mistake
    for key, mistake in sorted((fingerprints.get("mistakes") or {}).items()):
        entries = (mistake.get("cells") or {}).get(grade_id)
        if not entries or not mistake.get("hint"):
            continue
        rank = _rank(entries, seen)
        if rank is None:
            continue
        if best is None or rank > best:
            best, winners = rank, {mistake["hint"]: key}
        elif rank == best:
            winners.setdefault(mistake["hint"], key)
    if len(winners) != 1:
        return None  # nothing matched, or mistakes with different hints are equally likely
    hint, key = next(iter(winners.items()))
    entries = fingerprints["mistakes"][key]["cells"][grade_id]
    check = next((e.get("check", "") for e in entries if (e.get("check", ""), e.get("rule", "")) in seen), "")
    return Diagnosis("catalogue", key, hint, check)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _cell_findings(references: list[dict], records: list[dict], failing: list[_Failing]) -> Diagnosis | None:
    """Generic diagnoses of the cell as a whole: right on the visible test's inputs only."""
    from course.fingerprint import same
    from course.grading.verdict import _decode, judge

    visible = [r for r in references if r.get("visible") and r["rule"] in ("close", "equal")]
    failing_names = {f.ref["name"] for f in failing}
    if not visible or any(r["name"] in failing_names for r in visible):
        return None
    by_name = {rec["name"]: rec for rec in records}
    if any(r["name"] not in by_name or judge(r, by_name[r["name"]]) for r in visible):
        return None  # a visible check did not run or does not pass
    for f in failing:
        if f.ref["rule"] not in ("close", "equal") or f.ref.get("visible"):
            continue
        expected = _decode(f.ref["params"]["expected"])
        for v in visible:
            shown = _decode(v["params"]["expected"])
            if v["rule"] != f.ref["rule"]:
                continue
            if f.ref["rule"] == "equal":
                hit = type(f.got) is type(shown) and f.got == shown and f.got != expected
            else:
                hit = same(evidence("", "close", shown)["got"], f.entry["got"], *f.entry.get("tol", (0.0, 0.0)))
            if hit:
                what = f" ({_short(f.got)})" if f.ref["rule"] == "equal" else ""
                return Diagnosis("generic", "hardcoded", f"Your answer gives the visible test's value{what} on other "
                                 "inputs too: is the result hard-coded for the visible test? Compute it from the inputs",
                                 f.ref["name"])
    for f in failing:
        if f.ref.get("visible"):
            continue
        detail = ""
        if f.ref["rule"] == "close":
            g = f.entry.get("got", {})
            e = _decode(f.ref["params"]["expected"])
            es = tuple(int(s) for s in getattr(e, "shape", ()))
            gs = tuple(g.get("shape") or ())
            if g.get("kind") in ("tensor", "ndarray") and hasattr(e, "shape") and gs != es:
                detail = f"expected shape {es}, got {gs}"
        elif f.ref["rule"] == "error" and re.search(r"shape|size|dimension|cannot be multiplied|broadcast",
                                                     f.entry.get("error", ""), re.I):
            detail = f.entry["error"].split("\n")[0][:160]
        if detail:
            return Diagnosis("generic", "sizes", f"Your answer passes the visible tests but fails on inputs of other "
                             f"shapes ({detail}): does it assume the visible test's sizes or number of dimensions? "
                             "Take sizes from the inputs (`.shape`)",
                             f.ref["name"])
    return None


def _error_findings(failing: list[_Failing]) -> Diagnosis | None:
    """Generic diagnoses of the error a cell raised: an exercise not answered yet, a name not defined."""
    error = next((f.entry.get("error", "") for f in failing if f.ref["rule"] == "error"), "")
    if error.startswith("NotImplementedError"):
        return Diagnosis("generic", "unanswered", "Not answered yet: your code still raises `NotImplementedError`. "
                         "Replace that line with your answer, where it says YOUR CODE HERE.")
    m = re.match(r"NameError: name '(\w+)' is not defined", error)
    if m:
        return Diagnosis("generic", "undefined", f"`{m.group(1)}` is not defined when this test runs: did the cell "
                         "that defines it run without an error, and does it use exactly that name?")
    return None


def _value_finding(f: _Failing) -> Finding | None:
    from course.grading.verdict import _decode

    ref = f.ref
    rule, params = ref["rule"], ref["params"]
    if rule == "close":
        return generic("close", f.got, _decode(params["expected"]), rtol=params.get("rtol"), atol=params.get("atol"))
    if rule == "agree":
        return generic("agree", f.got, f.other, rtol=params.get("rtol"), atol=params.get("atol"))
    if rule == "equal":
        return generic("equal", f.got, _decode(params["expected"]))
    if rule == "type":
        return generic("type", f.got, types=params.get("types"))
    if rule == "shape":
        return generic("shape", f.got, shape=params.get("shape"))
    return None


def diagnose_cell(grade_id: str, references: list[dict], records: list[dict], *, kernel_errors: list[dict],
                  sources: list[str], fingerprints: dict | None) -> Diagnosis | None:
    """The diagnosis of a test cell the verdict failed (None: nothing recognised). See the module.
    Never raises: a hint is a help, and no submission may lose its grade over one."""
    try:
        return _diagnose_cell(grade_id, references, records, kernel_errors=kernel_errors, sources=sources,
                              fingerprints=fingerprints)
    except Exception:
        return None


def _diagnose_cell(grade_id: str, references: list[dict], records: list[dict], *, kernel_errors: list[dict],
                   sources: list[str], fingerprints: dict | None) -> Diagnosis | None:
    if any(e.get("ename") in _GRADER_ERRORS for e in kernel_errors):
        return None
    failing = _failing(references, records, kernel_errors, sources)
    if not failing:
        return None
    found = catalogue_match(grade_id, [f.entry for f in failing], fingerprints)
    if found is not None:
        return found
    found = _error_findings(failing) or _cell_findings(references, records, failing)
    if found is not None:
        return found
    for f in failing:
        finding = _value_finding(f)
        if finding is not None:
            return Diagnosis("generic", finding.key, finding.text[:1].upper() + finding.text[1:], f.ref["name"])
    return None


# ---------------------------------------------------------------------------------------------
# in the autograded notebook


def set_diagnosis(cell: NotebookNode, diagnosis: Diagnosis | None) -> None:
    """Keep ``diagnosis`` in the test cell's metadata (or remove any there: a submission cannot bring one)."""
    meta = cell.setdefault("metadata", NotebookNode())
    meta.pop(METADATA_KEY, None)
    if diagnosis is not None:
        meta[METADATA_KEY] = NotebookNode(diagnosis.as_dict())


def diagnosis_of(cell: dict) -> Diagnosis | None:
    """The diagnosis the grader kept in an autograded test cell (None: none)."""
    d = (cell.get("metadata") or {}).get(METADATA_KEY)
    if not isinstance(d, dict) or not all(isinstance(d.get(k), str) for k in ("kind", "key", "hint")):
        return None
    return Diagnosis(d["kind"], d["key"], d["hint"], str(d.get("check", "")))


def with_hint(message: str, diagnosis: Diagnosis | None) -> str:
    """The failure message a student reads, the hint after it."""
    if diagnosis is None:
        return message
    hint = diagnosis.hint[:1].upper() + diagnosis.hint[1:]
    return f"{message}\n\nHint: {hint}"


# ---------------------------------------------------------------------------------------------
# the stored fingerprints


def load_fingerprints(source_notebook: Path) -> dict:
    """The stored fingerprints of a source notebook (``{}`` when there are none or they are unreadable)."""
    path = fingerprint_paths(source_notebook)[0]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FINGERPRINT_FORMAT or not isinstance(data.get("mistakes"), dict):
        return {}
    return data


_CHECK_CALL = re.compile(r"check_\w+\(\s*(f?)(\"[^\"\n]*\"|'[^'\n]*')")
_HIDDEN_START = "### BEGIN HIDDEN TESTS"


def _name_patterns(code: str) -> list[re.Pattern]:
    pats = []
    for fmark, literal in _CHECK_CALL.findall(code):
        text = literal[1:-1]
        if fmark:
            parts = re.split(r"\{[^}]*\}", text)
            pats.append(re.compile("^" + "[^.]+".join(re.escape(p) for p in parts) + "$"))
        else:
            pats.append(re.compile("^" + re.escape(text) + "$"))
    return pats


def visible_check(test_source: str, name: str) -> bool:
    """Is check ``name`` called in the visible part of a test cell (before its hidden tests), and
    nowhere in the hidden part? (What the release's copy of the cell runs.)"""
    at = test_source.find(_HIDDEN_START)
    shown, hidden = (test_source, "") if at < 0 else (test_source[:at], test_source[at:])
    return any(p.match(name) for p in _name_patterns(shown)) and not any(p.match(name) for p in _name_patterns(hidden))


def _dumps(data: dict) -> str:
    """JSON with one line per mistake (readable diffs); NaN and infinities as Python's json writes them."""
    head = {k: v for k, v in data.items() if k != "mistakes"}
    lines = [json.dumps(head, sort_keys=True)[:-1] + ', "mistakes": {']
    items = sorted(data["mistakes"].items())
    for i, (key, mistake) in enumerate(items):
        lines.append(f" {json.dumps(key)}: {json.dumps(mistake, sort_keys=True)}" + ("," if i < len(items) - 1 else ""))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def fingerprint_files(source_notebook: Path, mistakes: dict[str, dict]) -> tuple[str, str]:
    """The texts of ``<notebook>.fingerprints.json`` and ``<notebook>.hints.json``.

    ``mistakes``: ``{"<solution cell>/<name>": {"hint": str, "cells": {test grade_id: [evidence entries]}}}``.
    The second file keeps, of each mistake, only the test cells whose every entry is a visible check.
    """
    import nbformat

    nb = nbformat.read(source_notebook, as_version=4)
    tests = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells if c.cell_type == "code"}
    notebook = Path(source_notebook).stem
    assignment = Path(source_notebook).parent.name
    everything = {"format": FINGERPRINT_FORMAT, "assignment": assignment, "notebook": notebook,
                  "mistakes": {k: {"hint": m["hint"], "cells": m["cells"]} for k, m in sorted(mistakes.items())}}
    shipped: dict[str, dict] = {}
    for key, m in sorted(mistakes.items()):
        cells = {gid: entries for gid, entries in m["cells"].items()
                 if entries and all(e.get("rule") != "error" and visible_check(tests.get(gid, ""), e.get("check", ""))
                                    for e in entries)}
        if cells:
            shipped[key] = {"hint": m["hint"], "cells": cells}
    public = {"format": FINGERPRINT_FORMAT, "assignment": assignment, "notebook": notebook,
              "about": "What common mistakes produce at the visible tests of this notebook, with a hint for each: "
                       "read by course.checks when a visible test fails.",
              "mistakes": shipped}
    return _dumps(everything), _dumps(public)
