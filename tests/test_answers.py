"""The grader is right: alternative correct answers get full marks, common mistakes lose points.

See tests/answers/README.md for the catalogue and tests/answer_harness.py for how it is run.
"""

from __future__ import annotations

import nbformat
import pytest
from answer_harness import (
    Answer,
    correct_variants,
    grade_id,
    is_solution_cell,
    is_test_cell,
    load_answers,
    parse_answer,
    save_result,
    splice,
    split_test_source,
    visible_rule_problem,
    walk_wrong_answers,
)
from conftest import REPO, copy_course

ANSWERS = load_answers()
WRONG = [a for a in ANSWERS if a.kind == "wrong"]
CORRECT = [a for a in ANSWERS if a.kind == "correct"]
SOURCE_NOTEBOOKS = sorted((REPO / "source").glob("*/*.ipynb"))


def _exercises(path):
    """Solution cells that are followed by at least one test cell before the next solution cell."""
    nb = nbformat.read(path, as_version=4)
    out = []
    current = None
    for cell in nb.cells:
        if is_solution_cell(cell) and cell.cell_type == "code":
            current = grade_id(cell)
        elif is_test_cell(cell) and current is not None:
            if current not in out:
                out.append(current)
    return out


@pytest.mark.parametrize("path", SOURCE_NOTEBOOKS, ids=[p.parent.name + "/" + p.stem for p in SOURCE_NOTEBOOKS])
def test_catalogue_covers_every_autograded_exercise(path):
    assignment, notebook = path.parent.name, path.stem
    missing = []
    for cell in _exercises(path):
        mine = [a for a in ANSWERS if (a.assignment, a.notebook, a.cell) == (assignment, notebook, cell)]
        n_correct = sum(a.kind == "correct" for a in mine)
        n_wrong = sum(a.kind == "wrong" for a in mine)
        if n_correct < 1 or n_wrong < 3:
            missing.append(f"{cell} ({n_correct} correct, {n_wrong} wrong)")
    assert not missing, "exercises needing >= 1 correct and >= 3 wrong answers: " + ", ".join(missing)


def _write_answer(tmp_path, name, header):
    path = tmp_path / "a9_x" / "nb" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "def f():\n    return 1\n", encoding="utf-8")
    return path


def test_visible_exception_header(tmp_path):
    """``# visible: passes (why)`` right after ``# fails:`` of a wrong answer, nowhere else."""
    why = "the mistake only shows for inputs of more than one batch, which would give the batch loop away"
    ok = parse_answer(_write_answer(tmp_path, "f__wrong__a.py", f"# why: w\n# fails: test_f\n# visible: passes ({why})\n"))
    assert ok.visible_passes == why and ok.fails == ("test_f",) and ok.source.startswith("def f()")
    assert parse_answer(_write_answer(tmp_path, "f__wrong__b.py", "# why: w\n# fails: test_f\n")).visible_passes == ""
    for name, header in [
        ("f__wrong__c.py", f"# why: w\n# visible: passes ({why})\n# fails: test_f\n"),  # not right after fails
        ("f__wrong__d.py", "# why: w\n# fails: test_f\n# visible: passes\n"),  # no reason
        ("f__wrong__e.py", "# why: w\n# fails: test_f\n# visible: passes (too short)\n"),
        ("f__correct__f.py", f"# why: w\n# visible: passes ({why})\n"),  # not a wrong answer
    ]:
        with pytest.raises(ValueError, match="visible"):
            parse_answer(_write_answer(tmp_path, name, header))


def test_visible_rule_problem_both_ways(tmp_path):
    why = "the mistake only shows for inputs of more than one batch, which would give the batch loop away"
    plain = parse_answer(_write_answer(tmp_path, "f__wrong__a.py", "# why: w\n# fails: test_f test_g\n"))
    excused = parse_answer(_write_answer(tmp_path, "f__wrong__b.py", f"# why: w\n# fails: test_f\n# visible: passes ({why})\n"))
    assert visible_rule_problem(plain, {"visible": {"test_f": False, "test_g": True}}) is None
    assert "passes the visible tests" in visible_rule_problem(plain, {"visible": {"test_f": False, "test_g": False}})
    assert visible_rule_problem(excused, {"visible": {"test_f": False}}) is None
    assert "remove that line" in visible_rule_problem(excused, {"visible": {"test_f": True}})


def test_split_test_source_is_what_the_release_keeps():
    src = "a = 1\ncheck(a)\n### BEGIN HIDDEN TESTS\ncheck_close('x.hidden', a)\n### END HIDDEN TESTS"
    visible, hidden = split_test_source(src)
    assert visible == "a = 1\ncheck(a)\n" and hidden.startswith("### BEGIN HIDDEN TESTS")
    assert split_test_source("a = 1") == ("a = 1", "")


_walks: dict[tuple[str, str], dict] = {}


def _walk(assignment: str, notebook: str, tmp_path_factory) -> dict:
    key = (assignment, notebook)
    if key not in _walks:
        answers = [a for a in WRONG if (a.assignment, a.notebook) == key]
        path = REPO / "source" / assignment / f"{notebook}.ipynb"
        workdir = tmp_path_factory.mktemp(f"walk-{assignment}-{notebook}")
        _walks[key] = walk_wrong_answers(path, answers, workdir)
    return _walks[key]


def _params(answers: list[Answer], group) -> list:
    return [pytest.param(a, id=a.id, marks=pytest.mark.xdist_group(group(a))) for a in answers]


@pytest.mark.parametrize("answer", _params(WRONG, lambda a: f"walk-{a.assignment}-{a.notebook}"))
def test_wrong_answer_loses_points(answer: Answer, tmp_path_factory):
    result = _walk(answer.assignment, answer.notebook, tmp_path_factory)[answer.id]
    scores = result["scores"]
    kept = [t for t in answer.fails if t not in scores or scores[t][0] >= scores[t][1]]
    seen = any(result["visible"].values())
    save_result("wrong", answer.id, {"assignment": answer.assignment, "caught": not kept, "scores": scores,
                                     "visible": seen, "exception": bool(answer.visible_passes)})
    assert not kept, f"{answer.id} ({answer.why}) kept full marks on {kept}"


def test_every_wrong_answer_has_a_hint():
    """A hint for the student on the first line of every wrong answer: what the mistake is and where to
    look, in words (never a line of the solution)."""
    from course.grading.build import hidden_lines

    problems = []
    solutions = {p: hidden_lines(p, regions=("SOLUTION",)) for p in SOURCE_NOTEBOOKS}
    for a in WRONG:
        first = a.path.read_text(encoding="utf-8").splitlines()[0]
        if not first.startswith("# hint: ") or len(a.hint) < 20:
            problems.append(f"{a.id}: the first line must be '# hint: <a sentence for the student>'")
            continue
        if a.hint == a.why or "$" in a.hint or len(a.hint) > 400 or not a.hint[0].isupper() or a.hint[-1] not in ".?!)":
            problems.append(f"{a.id}: a hint is a sentence or two for the student (capitalised, ended, no LaTeX), not the why line")
        quoted = [line for line in solutions[a.notebook_path] if len(line) >= 12 and line in a.hint]
        if quoted:
            problems.append(f"{a.id}: the hint quotes the solution: {quoted[0]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", SOURCE_NOTEBOOKS, ids=[p.parent.name + "/" + p.stem for p in SOURCE_NOTEBOOKS])
def test_stored_fingerprints_match_the_catalogue(path):
    """The fingerprint files next to the notebook name exactly the catalogue's wrong answers, with their
    current hints; the shipped one is the private one's visible part (checks of the visible tests only)."""
    import json

    from fingerprints import mistake_key

    from course.grading.diagnose import fingerprint_files, fingerprint_paths, load_fingerprints, visible_check

    stored = load_fingerprints(path)
    assert stored, f"no {fingerprint_paths(path)[0].name}: run python tests/fingerprints.py {path.parent.name} {path.stem}"
    mine = {mistake_key(a): a.hint for a in WRONG if (a.assignment, a.notebook) == (path.parent.name, path.stem)}
    have = {k: m["hint"] for k, m in stored["mistakes"].items()}
    assert have == mine, (f"{path.name}'s fingerprints are stale (mistakes or hints changed): run python "
                          f"tests/fingerprints.py {path.parent.name} {path.stem}")
    public = fingerprint_paths(path)[1].read_text(encoding="utf-8")
    assert public == fingerprint_files(path, stored["mistakes"])[1], "the .hints.json is not the visible part of the fingerprints"
    nb = nbformat.read(path, as_version=4)
    tests = {grade_id(c): c.source for c in nb.cells if is_test_cell(c)}
    for mistake in json.loads(public)["mistakes"].values():
        for gid, entries in mistake["cells"].items():
            for e in entries:
                assert visible_check(tests[gid], e["check"]) and ".hidden." not in e["check"], e["check"]


@pytest.mark.parametrize("answer", _params(WRONG, lambda a: f"walk-{a.assignment}-{a.notebook}"))
def test_wrong_answer_gets_its_hint(answer: Answer, tmp_path_factory):
    """The grader recognises every catalogued mistake from its stored fingerprint and shows its hint, and
    no other mistake's; without the catalogue, a generic diagnosis (or none) is measured for the table."""
    from fingerprints import mistake_key

    result = _walk(answer.assignment, answer.notebook, tmp_path_factory)[answer.id]
    diagnoses = result["diagnosis"]
    shown = {gid: d["hint"] for gid, d in diagnoses.items() if d["hint"] is not None}
    generic = next((d["generic"] for d in diagnoses.values() if d["generic"] is not None), None)
    own = [gid for gid, d in shown.items() if d.kind == "catalogue" and d.hint == answer.hint]
    others = {gid: d.key for gid, d in shown.items() if d.kind == "catalogue" and d.hint != answer.hint}
    save_result("hint", answer.id, {"assignment": answer.assignment, "own": bool(own),
                                    "generic": generic.key if generic else None})
    assert not others, f"{answer.id} is shown the hint of another mistake: {others}"
    assert own, (f"{answer.id}: the grader does not recognise it ({ {g: d.key for g, d in shown.items()} }); "
                 f"if its evidence changed, run python tests/fingerprints.py {answer.assignment} {answer.notebook} "
                 f"(key {mistake_key(answer)})")


@pytest.mark.parametrize("answer", _params(WRONG, lambda a: f"walk-{a.assignment}-{a.notebook}"))
def test_visible_tests_fail_wrong_answer(answer: Answer, tmp_path_factory):
    """The student sees the mistake coming: the visible tests of the exercise fail the wrong answer too.

    Judged in the same walk as the grader's verdict (each named test cell runs as its visible part,
    then its hidden tests), so it costs no notebook run of its own. The exceptions say why in their
    catalogue file (``# visible: passes (...)``), and must really pass the visible tests.
    """
    result = _walk(answer.assignment, answer.notebook, tmp_path_factory)[answer.id]
    problem = visible_rule_problem(answer, result)
    assert problem is None, problem


_grades: dict[str, tuple[dict, dict]] = {}
_feedback: dict[str, object] = {}
WRONG_ALL = "wrong-all"


def _grade_assignment(assignment: str, tmp_path_factory) -> tuple[dict, dict]:
    """Autograde every correct-answer variant of ``assignment`` plus one all-wrong submission.

    Returns ({student: outcome}, {student: [CellGrade...]}).
    """
    if assignment in _grades:
        return _grades[assignment]
    from course.grading.autograde import autograde
    from course.grading.build import build
    from course.grading.coursedir import Course
    from course.grading.report import collect_grades

    course = Course(copy_course(tmp_path_factory.mktemp(f"grade-{assignment}") / "course"))
    build(course, [assignment])
    submissions: dict[str, dict[str, dict[str, str]]] = {}
    for k, per_notebook in sorted(correct_variants([a for a in CORRECT if a.assignment == assignment]).items()):
        submissions[f"correct-{k + 1}"] = {nb: cells for (_, nb), cells in per_notebook.items()}
    first_wrong: dict[str, dict[str, str]] = {}
    for a in WRONG:
        if a.assignment == assignment:
            first_wrong.setdefault(a.notebook, {}).setdefault(a.cell, a.source)
    submissions[WRONG_ALL] = first_wrong
    for student, per_notebook in submissions.items():
        dest = course.submitted / student / assignment
        dest.mkdir(parents=True)
        for path in course.source_notebooks(assignment):
            nb = nbformat.read(path, as_version=4)
            nbformat.write(splice(nb, per_notebook.get(path.stem, {})), str(dest / path.name))
    from course.grading.sandbox import sandbox_problem

    outcomes = {
        o.student: o
        for o in autograde(course, [assignment], sorted(submissions), progress=False, sandbox=sandbox_problem() is None)
    }
    from course.grading.feedback import generate_feedback

    generate_feedback(course, [assignment], [WRONG_ALL], progress=False)
    _feedback[assignment] = course
    grades: dict[str, list] = {}
    for row in collect_grades(course, [assignment]):
        grades.setdefault(row.student, []).append(row)
    _grades[assignment] = (outcomes, grades)
    return _grades[assignment]


def _variant_student(answer: Answer) -> str:
    same_cell = [a for a in CORRECT if (a.assignment, a.notebook, a.cell) == (answer.assignment, answer.notebook, answer.cell)]
    return f"correct-{same_cell.index(answer) + 1}"


@pytest.mark.parametrize("answer", _params(CORRECT, lambda a: f"grade-{a.assignment}"))
def test_correct_answer_scores_full_marks(answer: Answer, tmp_path_factory):
    outcomes, grades = _grade_assignment(answer.assignment, tmp_path_factory)
    student = _variant_student(answer)
    assert outcomes[student].status == "GRADED", outcomes[student]
    rows = [r for r in grades[student] if r.autograded]
    lost = [f"{r.notebook}/{r.cell}: {r.score:g}/{r.max_score:g}" for r in rows if r.score < r.max_score]
    from course.grading.diagnose import diagnosis_of

    hinted = [grade_id(c) for path in sorted((_feedback[answer.assignment].autograded / student / answer.assignment)
                                             .glob("*.ipynb"))
              for c in nbformat.read(path, as_version=4).cells if diagnosis_of(c)]
    save_result("correct", answer.id, {"assignment": answer.assignment, "full_marks": not lost, "hinted": bool(hinted)})
    assert rows and not lost, f"{answer.id} ({answer.why}) lost points: {lost}"
    assert not hinted, f"{answer.id}: a correct answer got a diagnosis in {hinted}"


ASSIGNMENTS_WITH_WRONG = sorted({a.assignment for a in WRONG})


@pytest.mark.parametrize(
    "assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"grade-{a}")) for a in ASSIGNMENTS_WITH_WRONG]
)
def test_batch_with_wrong_answers_completes_and_loses_points(assignment, tmp_path_factory):
    outcomes, grades = _grade_assignment(assignment, tmp_path_factory)
    assert all(o.status == "GRADED" for o in outcomes.values()), outcomes
    rows = {(r.notebook, r.cell): r for r in grades[WRONG_ALL] if r.autograded}
    first = {}
    for a in WRONG:
        if a.assignment == assignment:
            first.setdefault((a.notebook, a.cell), a)
    kept = [
        f"{nb}/{t}"
        for (nb, _), a in first.items()
        for t in a.fails
        if rows[(nb, t)].score >= rows[(nb, t)].max_score
    ]
    assert not kept, f"the all-wrong submission kept full marks on {kept}"


@pytest.mark.parametrize(
    "assignment", [pytest.param(a, marks=pytest.mark.xdist_group(f"grade-{a}")) for a in ASSIGNMENTS_WITH_WRONG]
)
def test_feedback_shows_check_messages_not_hidden_tests(assignment, tmp_path_factory):
    from course.grading.build import hidden_lines

    _grade_assignment(assignment, tmp_path_factory)
    course = _feedback[assignment]
    pages = sorted((course.feedback / WRONG_ALL / assignment).glob("*.html"))
    assert pages, "no feedback written"
    for page in pages:
        html_text = page.read_text(encoding="utf-8")
        import html as html_lib
        import re as re_lib

        text = html_lib.unescape(re_lib.sub(r"<[^>]+>", "", html_text))
        secret = hidden_lines(REPO / "source" / assignment / f"{page.stem}.ipynb", regions=("HIDDEN TESTS",))
        submitted = nbformat.read(course.submitted / WRONG_ALL / assignment / f"{page.stem}.ipynb", as_version=4)
        own = {line.strip() for c in submitted.cells if not is_test_cell(c) for line in c.source.splitlines()}
        shown = {line.strip() for line in text.splitlines()}
        leaked = sorted((secret - own) & shown)
        assert not leaked, f"{page.name} shows hidden-test source: {leaked[:5]}"
        assert "BEGIN HIDDEN TESTS" not in text
        assert "CheckFailed: check '" in text, "the failing checks' messages must be in the feedback"
        graded = nbformat.read(course.autograded / WRONG_ALL / assignment / f"{page.stem}.ipynb", as_version=4)
        for cell in graded.cells:
            if is_test_cell(cell):
                for out in cell.outputs:
                    assert not (out.output_type == "stream" and out.name == "stderr"), grade_id(cell)
                    if out.output_type == "error":
                        tb = "\n".join(out.traceback)
                        assert "Traceback (most recent call last)" not in tb, grade_id(cell)
                        assert f"In[{cell.execution_count}]" not in tb, grade_id(cell)
