"""Unit tests of what makes hostile input harmless: well-formed notebooks, inert markdown and outputs,
clean report text, the static check of answer code."""

from __future__ import annotations

import copy

import nbformat
import pytest

from course import staticcheck
from course.grading.preprocessors import StripActiveContent, neutralise_markdown
from course.grading.text import clean_line, clean_text
from course.grading.wellformed import Malformed, repair


def _nb():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# hi"), nbformat.v4.new_code_cell("x = 1")]
    nb.cells[1].metadata["nbgrader"] = {"grade": True, "grade_id": "t", "points": 1, "solution": False, "locked": True}
    return nb


def test_repair_fixes_what_needs_no_guessing():
    nb = _nb()
    nb.cells[0]["outputs"] = None
    nb.cells[1]["source"] = ["x = ", "1"]
    nb.cells[1]["outputs"] = None
    nb.cells.append(copy.deepcopy(nb.cells[1]))
    nb.cells[2].metadata["nbgrader"] = {"grade_id": ["t"]}
    notes = repair(nb)
    nbformat.validate(nb)
    assert nb.cells[1].source == "x = 1" and nb.cells[1].outputs == []
    assert "nbgrader" not in nb.cells[2].metadata and any("malformed nbgrader" in n for n in notes)
    assert len({c.id for c in nb.cells}) == 3


@pytest.mark.parametrize("break_it", [
    lambda nb: nb.cells[1].__setitem__("source", [1, 2]),
    lambda nb: nb.cells[1].__setitem__("cell_type", "widget"),
    lambda nb: nb.__setitem__("cells", "none"),
])
def test_repair_refuses_what_it_cannot_repair(break_it):
    nb = _nb()
    break_it(nb)
    with pytest.raises(Malformed):
        repair(nb)


def test_markdown_is_made_inert_but_maths_and_code_stay():
    md = "<script>x()</script> <img src=x onerror=y()> [a](javascript:z()) `<b>code</b>` $a<b$ $<img src=q>$"
    out = neutralise_markdown(md)
    assert "<script" not in out and "<img" not in out and "javascript:" not in out
    assert "`<b>code</b>`" in out and "$a<b$" in out


def test_active_outputs_are_dropped():
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "<script>x</script>", "text/plain": "ok",
                                                                 "application/javascript": "x()"}),
                    nbformat.v4.new_output("display_data", data={"image/svg+xml": "<svg onload=x()></svg>"})]
    StripActiveContent().preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].data == {"text/plain": "ok"}
    assert list(cell.outputs[1].data) == ["text/plain"]


def test_report_text_has_no_control_sequences():
    evil = "a\x1b]0;title\x07b\x1b[2Jc\rd\x08e\u202ef"
    assert clean_text(evil) == "abcdef"
    assert clean_line("x\ny\tz" + "w" * 500, 20).startswith("x y z") and len(clean_line("w" * 500, 20)) == 20


@pytest.mark.parametrize("source,found", [
    ("def relu(x):\n    return torch.clamp(x, min=0)", []),
    ("def relu(x):\n    return F.relu(x)", ["torch.nn.functional.relu"]),
    ("def relu(x):\n    import torch.nn.functional as G\n    return G.relu(x)", ["torch.nn.functional.relu"]),
    ("def relu(x):\n    from torch import relu as r\n    return r(x)", ["torch.relu"]),
    ("def relu(x):\n    return x.relu()", [".relu"]),
    ("def relu(x):\n    return eval('torch.relu')(x)", ["eval"]),
    ("def relu(x):\n    return getattr(torch, name)(x)", ["getattr with a computed name"]),
])
def test_forbidden_uses(source, found):
    forbidden = ["torch.relu", "torch.nn.functional.relu", "torch.nn.ReLU", ".relu"]
    assert staticcheck.forbidden_uses(source, forbidden, staticcheck.import_aliases(["import torch"])) == found


def test_definition_source_takes_the_last_definition():
    cells = ["def f():\n    return 1", "x = 2", "def f():\n    return torch.relu(3)"]
    assert "torch.relu" in staticcheck.definition_source(cells, "f")
    assert staticcheck.definition_source(cells, "g") is None
