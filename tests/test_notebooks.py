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


_HIDDEN_REGION = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
#: checks whose third positional argument (or ``expected=``) would be an expected value
_VALUE_CHECKS = {"check_close", "check_equal"}


def hidden_test_problems(path: Path) -> list[str]:
    """What breaks the rules of hidden tests in ``path`` (one line each; empty: none).

    A hidden test gives the kernel only inputs: no expected value (``check_close(name, got)``, never
    ``check_close(name, got, expected)``), no reference implementation (no ``def``, ``lambda`` or
    ``class``), no ``check_true`` (a condition computed in the kernel), no global random stream
    (``torch.manual_seed``, ``torch.randn`` without a generator, ``np.random.*`` but ``default_rng``),
    and nothing after them in the cell.
    """
    import ast

    nb = nbformat.read(path, as_version=4)
    problems = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("grade") and not meta.get("solution") and cell.cell_type == "code"):
            continue
        gid = meta["grade_id"]
        if "### END HIDDEN TESTS" in cell.source and cell.source.split("### END HIDDEN TESTS", 1)[1].strip():
            problems.append(f"{gid}: code after END HIDDEN TESTS (the hidden tests end the cell: the answer "
                            "catalogue runs a test cell as its visible part, then its hidden tests)")
        if "check_true" in cell.source:
            problems.append(f"{gid}: check_true (a condition computed in the kernel): record the values with check_equal")
        for region in _HIDDEN_REGION.findall(cell.source):
            try:
                tree = ast.parse(region)
            except SyntaxError as exc:
                problems.append(f"{gid}: hidden tests do not parse on their own ({exc.msg})")
                continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                    problems.append(f"{gid}: a def, lambda or class in the hidden tests (a reference implementation?)")
                elif isinstance(node, ast.Call):
                    fn = ast.unparse(node.func)
                    if fn in _VALUE_CHECKS and (len(node.args) >= 3 or any(k.arg == "expected" for k in node.keywords)):
                        problems.append(f"{gid}: {ast.unparse(node)[:80]}: a hidden check gives no expected value")
                    if fn in ("torch.manual_seed", "np.random.seed", "random.seed") or (
                        fn.startswith("np.random.") and fn != "np.random.default_rng"
                    ):
                        problems.append(f"{gid}: {fn}: the global random stream (use a seeded generator)")
                    if fn.startswith("torch.") and fn.split(".")[-1] in ("rand", "randn", "randint", "randperm", "normal",
                                                                        "rand_like", "randn_like", "bernoulli") and not any(
                        k.arg == "generator" for k in node.keywords
                    ):
                        problems.append(f"{gid}: {fn} without generator=: the global random stream")
    return problems


@pytest.mark.parametrize("path", SOURCE, ids=_ids(SOURCE))
def test_hidden_tests_hold_no_expected_values_and_no_global_randomness(path):
    problems = hidden_test_problems(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.xdist_group(f"walk-{p.parent.name}-{p.stem}")) for p in SOURCE],
    ids=_ids(SOURCE),
)
def test_checks_do_not_depend_on_the_random_state(path):
    """Every solution again, with the global random state perturbed: no check may change its verdict."""
    from course.grading.verdict import rng_dependence

    problems = rng_dependence(REPO, path.parent.name, path.stem)
    assert not problems, "\n".join(problems)
