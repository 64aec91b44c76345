"""Static checks of the notebooks: clean, well-formed for nbgrader, and graded through the check helpers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from course.grading.nbtext import from_text, to_text

REPO = Path(__file__).resolve().parent.parent
SOURCE = sorted((REPO / "source").glob("*/*.ipynb"))


def _ids(paths):
    return [p.relative_to(REPO).as_posix() for p in paths]


def test_there_are_assignments():
    assert len(SOURCE) >= 2


@pytest.mark.parametrize("path", SOURCE, ids=_ids(SOURCE))
def test_source_notebook_is_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{cell.id} has outputs"
        assert "%matplotlib notebook" not in cell.source


@pytest.mark.parametrize("path", SOURCE, ids=_ids(SOURCE))
def test_graded_cells_well_formed(path):
    nb = nbformat.read(path, as_version=4)
    grade_ids = []
    check_names = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta:
            continue
        grade_ids.append(meta["grade_id"])
        assert re.fullmatch(r"[a-z][a-z0-9_]*", meta["grade_id"]), meta["grade_id"]
        if meta.get("grade"):
            assert meta.get("points", 0) > 0, f"{meta['grade_id']} has no points"
        if meta.get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, meta["grade_id"]
        if meta.get("grade") and not meta.get("solution"):
            src = cell.source
            assert "from course.checks import" in src, f"{meta['grade_id']} does not use the check helpers"
            assert not re.search(r"^\s*assert\b", src, re.M), f"{meta['grade_id']} uses a bare assert"
            check_names += re.findall(r"check_\w+\(\s*f?\"([^\"]+)\"", src)
    assert len(grade_ids) == len(set(grade_ids)), "duplicate grade_id"
    plain = [n for n in check_names if "{" not in n]
    dupes = {n for n in plain if plain.count(n) > 1}
    assert not dupes, f"check names used twice: {sorted(dupes)}"


@pytest.mark.parametrize("path", SOURCE, ids=_ids(SOURCE))
def test_text_form_round_trips(path):
    nb = nbformat.read(path, as_version=4)
    again = from_text(to_text(nb))
    assert json.loads(nbformat.writes(again)) == json.loads(nbformat.writes(nb))
