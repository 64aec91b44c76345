"""Diagnoses: fingerprints of catalogued mistakes, generic findings, and where the student reads them.

Cheap: no notebook runs (a second or two in all). The catalogue itself is measured in test_answers.py.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import nbformat
import numpy as np
import pytest
import torch

from course import checks, diagnose
from course.fingerprint import positions, same, summarise
from course.grading import diagnose as gdiag
from course.grading import execute, verdict

# ---------------------------------------------------------------------------------------------
# summaries and matching


def test_a_summary_matches_within_the_check_tolerance_only():
    x = torch.randn(100, 30, generator=torch.Generator().manual_seed(0))
    s = summarise(x)
    assert len(s["v"]) <= 50 and s["shape"] == [100, 30] and positions(3000) == positions(3000)
    assert same(s, summarise(x + 1e-7), 1.3e-6, 1e-5)
    assert not same(s, summarise(x + 1e-3), 1.3e-6, 1e-5)
    assert not same(s, summarise(x.double()), 1.3e-6, 1e-5)  # another dtype
    assert not same(s, summarise(x.T.contiguous()), 1.3e-6, 1e-5)  # another shape
    y = x.clone()
    y[57, 3] += 1.0  # off at one position, maybe not sampled: the sums still tell
    assert not same(s, summarise(y), 1.3e-6, 1e-5)
    nan = x.clone()
    nan[0, 0] = math.nan
    assert same(summarise(nan), summarise(nan.clone()), 1.3e-6, 1e-5) and not same(s, summarise(nan), 1.3e-6, 1e-5)


def test_integers_plain_values_and_other_objects_match_exactly():
    labels = torch.arange(10_000) % 7
    other = labels.clone()
    other[5000] = 0
    assert same(summarise(labels), summarise(labels.clone())) and not same(summarise(labels), summarise(other))
    assert same(summarise(np.arange(5)), summarise(np.arange(5))) and not same(summarise(np.arange(5)), summarise(np.arange(5.0)))
    from course.fingerprint import summarise_plain

    assert same(summarise_plain([True, 3]), summarise_plain((True, 3)))
    assert not same(summarise_plain([True, 3]), summarise_plain([1, 3]))  # type-strict like check_equal
    assert summarise_plain(object())["kind"] == "other"


def test_moments_match_on_their_statistics():
    g = torch.Generator().manual_seed(1)
    fp = diagnose.evidence("m", "moments", 0.04 * torch.randn(200, 100, generator=g), stats_tol=(0.01, 0.01))
    other_draw = diagnose.evidence("m", "moments", 0.04 * torch.randn(200, 100, generator=g))
    right = diagnose.evidence("m", "moments", 0.2 * torch.randn(200, 100, generator=g))
    assert diagnose.entry_matches(fp, other_draw) and not diagnose.entry_matches(fp, right)


# ---------------------------------------------------------------------------------------------
# generic diagnoses


E = torch.tensor([[1.0, -2.0, 0.5], [3.0, 0.0, -1.5]])


@pytest.mark.parametrize(
    "got, key, words",
    [
        (-E, "factor:times-1", "−1 × the expected one: check the sign"),
        (E * 8, "factor:times8", "exactly 8 ×"),
        (E / 2, "factor:over2", "half"),
        (E * 0.37, "factor", "0.37 ×"),
        (torch.where(E == 3.0, torch.tensor(math.nan), E), "nan", "NaN"),
        (torch.where(E == 3.0, torch.tensor(math.inf), E), "inf", "infinite"),
        (E.T.contiguous(), "transposed", "transpose of the expected one"),
        (E.reshape(6, 1), "reshape", "values are right, but the shape"),
        (E.double(), "dtype", "values are right, but their dtype is float64 where float32"),
        (torch.zeros(2, 3), "zeros", "all zeros"),
        (1.5, "number_for_tensor", "Python number"),
        (None, "none", "None"),
    ],
)
def test_generic_findings_say_what_they_saw(got, key, words):
    finding = diagnose.generic("close", got, E)
    assert finding is not None and finding.key == key and words in finding.text, finding


def test_right_except_where_the_expected_value_is_zero():
    expected = torch.tensor([0.0, 0.0, 1.0, 1.0, 1.0, 0.5, 0.5, 2.0])
    got = expected.clone()
    got[0] = 1.0  # the gradient at an input of exactly 0
    finding = diagnose.generic("close", got, expected)
    assert finding.key == "at_zero" and "exactly 0" in finding.text
    wide = expected.clone()
    wide[:2] = -1.0
    wide[5:7] = 3.0  # wrong at a quarter of the positions and more: not an edge case
    assert diagnose.generic("close", wide, expected) is None


def test_no_finding_on_a_right_value_or_without_evidence():
    for rule in ("close", "agree"):
        assert diagnose.generic(rule, E + 1e-7, E) is None
        assert diagnose.generic(rule, E.clone(), E) is None
    # one value: only a clear factor counts (a coincidental ratio such as 1/3 says nothing)
    assert diagnose.generic("close", 0.25, 0.75) is None
    assert diagnose.generic("close", 1.42, 1.4254) is None
    assert diagnose.generic("equal", 43, 43) is None and diagnose.generic("equal", 86, 43) is None
    assert diagnose.generic("equal", 43.0, 43).key == "number_type"
    assert diagnose.generic("equal", torch.tensor(43), 43).key == "tensor_for_number"


# ---------------------------------------------------------------------------------------------
# the catalogue's most specific match


def _entry(check, value, rule="close"):
    return diagnose.evidence(check, rule, value)


def test_the_most_specific_catalogued_mistake_wins():
    a, b = torch.tensor([1.0, 2.0]), torch.tensor([5.0, 6.0])
    fingerprints = {"mistakes": {
        "x/one": {"hint": "One check.", "cells": {"test_x": [_entry("c1", a)]}},
        "x/two": {"hint": "Both checks.", "cells": {"test_x": [_entry("c1", a), _entry("c2", b)]}},
        "x/other": {"hint": "Another value.", "cells": {"test_x": [_entry("c1", b)]}},
    }}
    both = [_entry("c1", a), _entry("c2", b)]
    assert gdiag.catalogue_match("test_x", both, fingerprints).key == "x/two"  # complete and explains more
    only = [_entry("c1", a)]
    assert gdiag.catalogue_match("test_x", only, fingerprints).key == "x/one"  # complete beats partial
    assert gdiag.catalogue_match("test_x", [_entry("c1", a + 1)], fingerprints) is None  # no match: no hint
    assert gdiag.catalogue_match("test_other", both, fingerprints) is None


def test_mistakes_the_evidence_cannot_tell_apart_give_no_hint_unless_they_agree():
    a = torch.tensor([1.0, 2.0])
    twins = {"mistakes": {"x/p": {"hint": "P.", "cells": {"t": [_entry("c", a)]}},
                          "x/q": {"hint": "Q.", "cells": {"t": [_entry("c", a)]}}}}
    assert gdiag.catalogue_match("t", [_entry("c", a)], twins) is None
    twins["mistakes"]["x/q"]["hint"] = "P."
    assert gdiag.catalogue_match("t", [_entry("c", a)], twins).hint == "P."


def test_a_partial_match_needs_a_value():
    shape_only = {"mistakes": {"x/s": {"hint": "S.", "cells": {"t": [
        diagnose.evidence("c", "shape", torch.zeros(3, 2)), _entry("d", torch.ones(2))]}}}}
    seen = [diagnose.evidence("c", "shape", torch.ones(3, 2))]
    assert gdiag.catalogue_match("t", seen, shape_only) is None


# ---------------------------------------------------------------------------------------------
# in the grader: the verdict's output and the cell's metadata


def _records(call, folder):
    try:
        call()
    except checks.CheckFailed:
        pass
    return verdict.harvest(folder)


def _graded_cell(monkeypatch, record_dir, student, fingerprints, metadata=None):
    [ref] = _records(lambda: checks.check_close("h", torch.tensor([1.0, 4.0])), record_dir)
    manifest = {"cells": {"test_f": [verdict._reference(ref)]}, "fingerprints": fingerprints}
    monkeypatch.setattr(verdict, "load_manifest", lambda *a, **k: manifest)
    records = _records(student, record_dir)
    cell = nbformat.v4.new_code_cell("check_close('h', f(x))")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "test_f", "points": 1,
                                 "schema_version": 3}
    cell.metadata.update(metadata or {})
    nb = nbformat.v4.new_notebook(cells=[cell])
    resources = {"course_recording": True, "course_records": {"test_f": records},
                 "nbgrader": {"assignment": "a", "notebook": "n"}, "metadata": {"path": "/d"}, "unique_key": "n"}
    verdict.TrustedVerdict().preprocess(nb, resources)
    execute.take_faults("/d/n")
    return nb.cells[0]


def test_the_verdict_shows_a_catalogued_mistake_s_hint(monkeypatch, record_dir):
    wrong = torch.tensor([1.0, 7.0])
    fp = {"mistakes": {"f/seven": {"hint": "You add 3 to the last entry.", "cells": {"test_f": [_entry("h", wrong)]}}}}
    cell = _graded_cell(monkeypatch, record_dir, lambda: checks.check_close("h", wrong.clone()), fp)
    assert "\n\nHint: You add 3 to the last entry." in cell.outputs[0].evalue
    d = gdiag.diagnosis_of(cell)
    assert (d.kind, d.key, d.check) == ("catalogue", "f/seven", "h")


def test_the_verdict_falls_back_on_a_generic_finding_and_never_hints_a_pass(monkeypatch, record_dir):
    cell = _graded_cell(monkeypatch, record_dir, lambda: checks.check_close("h", torch.tensor([-1.0, -4.0])), {})
    assert "check the sign" in cell.outputs[0].evalue and gdiag.diagnosis_of(cell).kind == "generic"
    planted = {"course_diagnosis": {"kind": "catalogue", "key": "x/y", "hint": "Forged.", "check": ""}}
    cell = _graded_cell(monkeypatch, record_dir, lambda: checks.check_close("h", torch.tensor([1.0, 4.0])), {}, planted)
    assert gdiag.diagnosis_of(cell) is None and "Hint" not in cell.outputs[0].text  # passed: no hint, none kept
    cell = _graded_cell(monkeypatch, record_dir, lambda: checks.check_close("h", torch.tensor([1.0, 4.5])), {}, planted)
    assert gdiag.diagnosis_of(cell) is None and "Hint" not in cell.outputs[0].evalue  # nothing recognised


def test_nothing_is_diagnosed_in_a_cell_the_kernel_never_finished():
    died = [{"output_type": "error", "ename": "KernelDied", "evalue": "the kernel died"}]
    assert gdiag.diagnose_cell("t", [], [], kernel_errors=died, sources=[], fingerprints=None) is None
    todo = [{"output_type": "error", "ename": "NotImplementedError", "evalue": ""}]
    assert gdiag.diagnose_cell("t", [], [], kernel_errors=todo, sources=[], fingerprints=None).key == "unanswered"


# ---------------------------------------------------------------------------------------------
# in the student's kernel: visible checks


def _hints_file(folder, check, value, hint):
    data = {"format": 1, "mistakes": {"x/m": {"hint": hint, "cells": {"test_x": [_entry(check, value)]}}}}
    (folder / "nb.hints.json").write_text(json.dumps(data))


def test_a_failing_visible_check_hints_in_the_kernel(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_RECORD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    wrong = torch.tensor([1.0, 7.0])
    _hints_file(tmp_path, "v", wrong, "You add 3 to the last entry.")
    with pytest.raises(checks.CheckFailed, match="Hint: You add 3 to the last entry"):
        checks.check_close("v", wrong.clone(), torch.tensor([1.0, 4.0]))
    with pytest.raises(checks.CheckFailed, match="Hint: Your result is exactly −1"):  # not catalogued: generic
        checks.check_close("v", torch.tensor([-1.0, -4.0]), torch.tensor([1.0, 4.0]))
    with pytest.raises(checks.CheckFailed) as err:
        checks.check_close("v", torch.tensor([1.0, 4.5]), torch.tensor([1.0, 4.0]))
    assert "Hint" not in str(err.value)
    checks.check_close("v", torch.tensor([1.0, 4.0]), torch.tensor([1.0, 4.0]))  # a pass: nothing raised


def test_a_catalogued_type_mistake_hints_in_the_kernel(tmp_path, monkeypatch):
    """check_type's evidence in the kernel names the type as the grader's does, so a shipped fingerprint
    of a type mistake matches while the student works too."""
    monkeypatch.delenv("COURSE_RECORD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    entry = {"check": "count.type", "rule": "type", "type": "torch.Tensor"}
    data = {"format": 1, "mistakes": {"x/m": {"hint": "Your count is a tensor.", "cells": {"test_x": [entry]}}}}
    (tmp_path / "nb.hints.json").write_text(json.dumps(data))
    with pytest.raises(checks.CheckFailed, match="Hint: Your count is a tensor"):
        checks.check_type("count.type", torch.tensor(5), int)
    with pytest.raises(checks.CheckFailed) as err:
        checks.check_type("count.type", 5.0, int)
    assert "Your count is a tensor" not in str(err.value)


def test_the_kernel_names_no_mistake_on_a_partial_weak_match(tmp_path, monkeypatch):
    """A mistake whose fingerprint in a cell is a weak entry (the type) and a strong one (the value) is not
    named when only the type is seen: many other mistakes give a tensor too."""
    monkeypatch.delenv("COURSE_RECORD_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    weak = {"check": "count.type", "rule": "type", "type": "torch.Tensor"}
    strong = _entry("count.value", torch.tensor(7.0))
    data = {"format": 1, "mistakes": {"x/m": {"hint": "Your count adds the biases twice.",
                                              "cells": {"test_x": [weak, strong]}}}}
    (tmp_path / "nb.hints.json").write_text(json.dumps(data))
    with pytest.raises(checks.CheckFailed) as err:
        checks.check_type("count.type", torch.tensor(5), int)
    assert "biases twice" not in str(err.value)


def test_a_diagnosis_that_breaks_costs_no_grade(monkeypatch):
    """diagnose_cell never raises (the verdict calls it for every failed cell of every submission)."""
    def boom(*args, **kwargs):
        raise RuntimeError("a diagnosis bug")

    monkeypatch.setattr(gdiag, "_failing", lambda *args, **kwargs: [object()])
    monkeypatch.setattr(gdiag, "catalogue_match", boom)
    assert gdiag.diagnose_cell("test_x", [], [], kernel_errors=[], sources=[], fingerprints={}) is None


def test_no_kernel_hint_while_grading(tmp_path, monkeypatch, record_dir):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(checks.CheckFailed) as err:
        checks.check_close("v", torch.tensor([-1.0, -4.0]), torch.tensor([1.0, 4.0]))
    assert "Hint" not in str(err.value)  # the grader diagnoses outside the kernel


# ---------------------------------------------------------------------------------------------
# the stored files


def test_only_visible_checks_fingerprints_ship(tmp_path):
    from course.grading.nbtext import from_text

    text = (
        "# %% code solution id=f\ndef f(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n\n"
        "# %% code test id=test_f points=1\nfrom course.checks import check_close\n\n"
        "for k in (1, 2):\n    check_close(f\"f.{k}\", f(k), 2 * k)\n"
        "### BEGIN HIDDEN TESTS\ncheck_close('f.hidden.big', f(30))\ncheck_close(f'f.hidden.{3}', f(3))\n"
        "### END HIDDEN TESTS\n"
    )
    path = tmp_path / "t.ipynb"
    nbformat.write(from_text(text), str(path))
    src = nbformat.read(path, as_version=4).cells[1].source
    assert gdiag.visible_check(src, "f.1") and not gdiag.visible_check(src, "f.hidden.big")
    assert not gdiag.visible_check(src, "f.hidden.3")
    mistakes = {
        "f/seen": {"hint": "Seen.", "cells": {"test_f": [_entry("f.1", 3.0)]}},
        "f/hidden": {"hint": "Hidden.", "cells": {"test_f": [_entry("f.hidden.big", 61.0)]}},
        "f/error": {"hint": "Error.", "cells": {"test_f": [{"check": "", "rule": "error", "error": "TypeError: x"}]}},
    }
    private, public = gdiag.fingerprint_files(path, mistakes)
    assert set(json.loads(private)["mistakes"]) == set(mistakes)
    assert set(json.loads(public)["mistakes"]) == {"f/seen"} and "61" not in public


def test_a_fingerprint_file_in_release_is_a_leak(course_copy):
    from course.grading.build import find_leaks

    a = course_copy.assignments()[0]
    (course_copy.release / a).mkdir(parents=True, exist_ok=True)
    (course_copy.release / a / "x.fingerprints.json").write_text("{}")
    assert any("fingerprint" in leak.text for leak in find_leaks(course_copy, [a]))


# ---------------------------------------------------------------------------------------------
# the feedback page


def test_maths_become_mathml_and_nothing_that_runs():
    from course.grading.feedback_page import markdown_to_html, tex_to_mathml

    out = markdown_to_html(r"Softmax: $$\mathrm{softmax}(o)_j = \frac{\exp(o_j)}{\sum_k \exp(o_k)}$$ and $W \in \mathbb{R}^{d}$")
    assert out.count("<math") == 2 and "$" not in out and "mfrac" in out and "ℝ" in out
    for evil in (r"\text{<script>alert(1)</script>}", r"\href{javascript:alert(1)}{x}", r"\style{color:red}{x}"):
        html = tex_to_mathml(evil)
        assert "href" not in html and "<script" not in html and "style=" not in html, html
    assert tex_to_mathml(r"\mathbf{1} b").count("𝟏") == 1  # bold drawn with Unicode (MathML Core has no bold)


def test_markdown_on_the_page_links_nowhere_harmful_and_fetches_nothing():
    """Student-controlled markdown (a heading, a hint quoting their value, a cell) reaches the page: no
    ``javascript:`` link however it is spelled, no remote image; hints are escaped once, not twice."""
    from course.grading.feedback_page import _inline, markdown_to_html

    for evil in ("[x](javascript:alert(1))", "[x](&#106;avascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
                 "[x](data:text/html;base64,PHNjcmlwdD4=)"):
        for out in (markdown_to_html(evil), _inline(f"Exercise 1: {evil}")):
            assert "javascript" not in out.lower() and "data:text" not in out, out
    assert "<img" not in markdown_to_html("![cat](https://example.org/cat.png)")
    assert '<img src="data:image/png;base64,iVBO"' in markdown_to_html(
        "![a](attachment:x.png)", attachments={"x.png": {"image/png": "iVBO"}})
    out = _inline("use `>` or `>=`, $a<b$, and not <script>alert(1)</script>")
    assert "<code>&gt;</code>" in out and "&amp;gt;" not in out and "<mo>&lt;</mo>" in out and "<script" not in out


def test_formgrader_s_exporter_draws_the_maths_from_the_course_config():
    """Formgrader renders with a plain ``HTMLExporter(config=...)`` of the course's configuration: its
    markdown maths come out as MathML (offline), a cell's attachments still shown."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import PyFileConfigLoader

    repo = Path(__file__).resolve().parent.parent
    config = PyFileConfigLoader("nbgrader_config.py", path=str(repo)).load_config()
    # what Formgrader's extension adds (nbgrader.server_extensions.formgrader.formgrader.build_extra_config)
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(r"The loss $L = -\log p_y$ and ![x](attachment:x.png)",
                                              attachments={"x.png": {"image/png": "iVBORw0KGgo="}})]
    body, _ = HTMLExporter(config=config).from_notebook_node(nb, resources={"base_url": "/", "index": 0, "total": 1})
    assert "<math" in body and "$L" not in body
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in body


def test_the_summary_has_one_row_per_exercise_and_escapes_messages():
    from course.grading.feedback_page import summary_html, summary_rows

    def graded(gid, score, points, *, test=True, error=None, hint=None):
        cell = nbformat.v4.new_code_cell("x")
        cell.metadata["nbgrader"] = {"grade": True, "solution": not test, "grade_id": gid, "points": points,
                                     "score": score}
        if error:
            cell.outputs = [nbformat.v4.new_output("error", ename="CheckFailed", evalue=error, traceback=[])]
        if hint:
            gdiag.set_diagnosis(cell, gdiag.Diagnosis("catalogue", "x/y", hint))
        return cell

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Assignment\n## 1. Part\n### Exercise 1 (2 points): `relu`"),
        graded("test_a", 2, 2),
        nbformat.v4.new_markdown_cell("## 2. Next part\n\n### Exercise 2 (3 points): the loss $f = 2x$"),
        graded("test_b", 0, 1, error="check 'b' failed: <img src=x onerror=alert(1)>"),
        graded("test_c", 0, 2, error="check 'c' failed\n\nHint: Sign.", hint="Check the sign."),
    ])
    rows = summary_rows(nb)
    assert [(r["title"], r["status"], r["score"], r["points"]) for r in rows] == [
        ("Exercise 1: `relu`", "passed", 2.0, 2.0), ("Exercise 2: the loss $f = 2x$", "failed", 0.0, 3.0)]
    html = summary_html(rows)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Check the sign." in html and "Hint: Sign." not in html and 'href="#test_b"' in html and "<math" in html


# ---------------------------------------------------------------------------------------------
# the instructor's side: autograde's lines and the report


def test_autograde_line_and_report_count_the_class_s_mistakes(tmp_path):
    from course.grading.coursedir import Course
    from course.grading.mistakes import collect_diagnoses, hint_summary, mistake_table

    course = Course(tmp_path)
    for student, key in (("ann", "softmax/no_max_shift"), ("bob", "softmax/no_max_shift"), ("cy", None)):
        cell = nbformat.v4.new_code_cell("check_close('x', softmax(o))")
        cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": "test_softmax", "points": 2}
        if key:
            gdiag.set_diagnosis(cell, gdiag.Diagnosis("catalogue", key, "Your softmax overflows for large logits."))
        folder = course.autograded / student / "a1"
        folder.mkdir(parents=True)
        nbformat.write(nbformat.v4.new_notebook(cells=[cell]), str(folder / "nb.ipynb"))
    assert hint_summary(course.autograded / "ann" / "a1") == "diagnosed: test_softmax: softmax/no_max_shift"
    assert hint_summary(course.autograded / "cy" / "a1") is None
    rows = collect_diagnoses(course)
    assert len(rows) == 2
    table = mistake_table(rows)
    assert "softmax/no_max_shift" in table and table.splitlines()[2].split()[0] == "2"


def test_the_release_notebook_names_a_catalogued_mistake_while_the_student_works(tmp_path, monkeypatch):
    """End to end in a kernel: the released notebook, next to its shipped hints file, with a catalogued
    wrong softmax: the visible test's failure carries that mistake's hint. (About 10 s: one kernel.)"""
    import shutil

    from answer_harness import REPO as repo
    from answer_harness import grade_id, load_answers, splice
    from nbclient import NotebookClient

    monkeypatch.delenv("COURSE_RECORD_DIR", raising=False)
    folder = tmp_path / "a1"
    shutil.copytree(repo / "release" / "a1_mlp_basics", folder)
    [wrong] = [a for a in load_answers() if a.id == "a1_mlp_basics/mlp_basics/softmax/wrong/column_sum"]
    nb = splice(nbformat.read(folder / "mlp_basics.ipynb", as_version=4), {"softmax": wrong.source})
    stop = [grade_id(c) for c in nb.cells].index("test_softmax")
    nb.cells = [c for i, c in enumerate(nb.cells) if i <= stop and c.cell_type == "code"]
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    [error] = [o for o in nb.cells[-1].outputs if o.output_type == "error"]
    assert "check 'softmax.small' failed" in error.evalue and f"Hint: {wrong.hint}" in error.evalue
