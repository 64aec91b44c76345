"""The answer-catalogue harness: splice answers into the instructor's notebooks and grade them.

* Wrong answers are judged in one kernel per notebook that walks the notebook top to bottom:
  at each solution cell that has wrong answers, it runs each wrong answer in place of the cell,
  then the cells after it up to the last test cell the answer names, and judges those test cells
  the way the grader does: the records the check helpers wrote during each test cell, judged by the
  trusted verdict against the instructor's manifest (``course.grading.verdict.judge_cell``). Then it
  runs the instructor's cell and goes on, up to the last test cell that any answer names. So a wrong
  answer only costs the cells up to its test, and all of a notebook's wrong answers share one kernel
  start. Each named test cell runs in two steps, its visible part (what the student's release
  notebook holds) and then its hidden tests, so the same run also tells whether the visible tests
  alone already fail the answer (:func:`visible_rule_problem`).
* Correct answers are spliced into whole notebooks (one variant per k-th correct answer of each
  cell) and autograded by nbgrader through ``course.grading.autograde``, like real submissions.
"""

from __future__ import annotations

import copy
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
CATALOGUE = REPO / "tests" / "answers"
RESULTS = REPO / "reports" / "answers"

_NAME = re.compile(r"^(?P<cell>[a-z][a-z0-9_]*)__(?P<kind>correct|wrong)__(?P<name>[a-z0-9_]+)\.py$")


@dataclass(frozen=True)
class Answer:
    """One catalogue entry."""

    path: Path
    assignment: str
    notebook: str
    cell: str
    kind: str
    name: str
    why: str
    fails: tuple[str, ...]
    source: str
    #: what the student reads when the grader recognises this mistake (wrong answers: required)
    hint: str = ""
    #: why the visible tests cannot fail this wrong answer (``# visible: passes (...)``), or ""
    visible_passes: str = ""

    @property
    def id(self) -> str:
        return f"{self.assignment}/{self.notebook}/{self.cell}/{self.kind}/{self.name}"

    @property
    def notebook_path(self) -> Path:
        return REPO / "source" / self.assignment / f"{self.notebook}.ipynb"


def parse_answer(path: Path) -> Answer:
    """Read one answer file; raises ValueError on a malformed one."""
    m = _NAME.match(path.name)
    if not m:
        raise ValueError(f"{path}: name must be <cell>__<correct|wrong>__<name>.py")
    header: dict[str, str] = {}
    keys: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        hm = re.match(r"^# (hint|why|fails|visible): (.*)$", line)
        if not hm:
            body_start = i
            break
        header[hm.group(1)] = hm.group(2).strip()
        keys.append(hm.group(1))
    if not header.get("why"):
        raise ValueError(f"{path}: missing '# why:' line")
    fails = tuple(header.get("fails", "").split())
    if m["kind"] == "wrong" and not fails:
        raise ValueError(f"{path}: a wrong answer needs '# fails: <test grade_id> ...'")
    if m["kind"] == "correct" and fails:
        raise ValueError(f"{path}: a correct answer cannot list failing cells")
    visible = header.get("visible", "")
    if "visible" in keys:
        vm = re.fullmatch(r"passes \((.{20,})\)", visible)
        if m["kind"] != "wrong" or keys.index("visible") != keys.index("fails") + 1 or not vm:
            raise ValueError(f"{path}: '# visible: passes (<why the visible tests cannot show this mistake>)' "
                             "belongs on the line right after '# fails:' of a wrong answer")
        visible = vm.group(1)
    return Answer(
        path=path,
        assignment=path.parent.parent.name,
        notebook=path.parent.name,
        cell=m["cell"],
        kind=m["kind"],
        name=m["name"],
        why=header["why"],
        fails=fails,
        source="\n".join(lines[body_start:]).strip("\n"),
        hint=header.get("hint", ""),
        visible_passes=visible,
    )


def load_answers() -> list[Answer]:
    """Every answer in the catalogue, sorted."""
    return [parse_answer(p) for p in sorted(CATALOGUE.glob("*/*/*.py"))]


def grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def is_solution_cell(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def check_answer_targets(answer: Answer, nb) -> None:
    """The answer's cell must be a solution cell, and its ``fails`` test cells must come after it."""
    ids = [grade_id(c) for c in nb.cells]
    if answer.cell not in ids or not is_solution_cell(nb.cells[ids.index(answer.cell)]):
        raise ValueError(f"{answer.id}: no solution cell {answer.cell!r} in {answer.notebook_path.name}")
    at = ids.index(answer.cell)
    for t in answer.fails:
        if t not in ids or not is_test_cell(nb.cells[ids.index(t)]) or ids.index(t) < at:
            raise ValueError(f"{answer.id}: {t!r} is not a test cell after {answer.cell!r}")


def splice(nb, replacements: dict[str, str]):
    """A copy of ``nb`` with the sources of the named solution cells replaced."""
    out = copy.deepcopy(nb)
    found = set()
    for cell in out.cells:
        gid = grade_id(cell)
        if gid in replacements:
            cell.source = replacements[gid]
            found.add(gid)
    missing = set(replacements) - found
    if missing:
        raise KeyError(f"no cells {sorted(missing)}")
    return out


def split_test_source(source: str) -> tuple[str, str]:
    """A test cell's source as (visible part, hidden tests): what the release keeps, and the rest."""
    at = source.find("### BEGIN HIDDEN TESTS")
    return (source, "") if at < 0 else (source[:at], source[at:])


def visible_rule_problem(answer: Answer, result: dict) -> str | None:
    """What breaks the visible rule for a judged wrong answer (None: nothing).

    The rule: the visible tests of at least one test cell the answer names fail it (the student sees
    the mistake before handing in), unless the catalogue file says ``# visible: passes (...)``; then
    they must really pass it (an exception that no longer holds must go).
    """
    seen = [t for t, failed in result.get("visible", {}).items() if failed]
    if answer.visible_passes and seen:
        return (f"{answer.id}: the visible tests of {seen} fail it now, but the file says "
                f"'# visible: passes ({answer.visible_passes})': remove that line")
    if not answer.visible_passes and not seen:
        return (f"{answer.id} ({answer.why}) passes the visible tests of {list(answer.fails)}: make them fail it, "
                "or say why they cannot in a '# visible: passes (...)' line")
    return None


def cell_error_summary(cell) -> str:
    """The first error or stderr line of an executed cell (for messages)."""
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            return f"{out.ename}: {out.evalue}"[:300]
        if out.output_type == "stream" and out.name == "stderr":
            return "stderr: " + out.text.strip().splitlines()[0][:300] if out.text.strip() else "stderr"
    return ""


def judge_recorded(nb, index: int, records: list[dict], manifest: dict):
    """The trusted verdict on executed test cell ``index`` of ``nb`` (a CellVerdict)."""
    from course.grading.verdict import code_sources_before, judge_cell

    cell = nb.cells[index]
    gid = grade_id(cell)
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    return judge_cell(gid, manifest["cells"].get(gid, []), records, kernel_errors=errors, died=False,
                      sources=code_sources_before(nb, index))


def diagnose_recorded(nb, index: int, records: list[dict], manifest: dict) -> dict:
    """What the grader recognises in executed test cell ``index``: its evidence (a fingerprint's
    entries), its diagnosis with the manifest's fingerprints, and without them (generic only)."""
    from course.grading.diagnose import cell_evidence, diagnose_cell
    from course.grading.verdict import code_sources_before

    cell = nb.cells[index]
    gid = grade_id(cell)
    refs = manifest["cells"].get(gid, [])
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    sources = code_sources_before(nb, index)
    args = dict(kernel_errors=errors, sources=sources)
    return {"evidence": cell_evidence(refs, records, errors, sources),
            "hint": diagnose_cell(gid, refs, records, **args, fingerprints=manifest.get("fingerprints")),
            "generic": diagnose_cell(gid, refs, records, **args, fingerprints=None)}


#: run before every wrong answer in the walk: a mistake that draws from the global random stream (instead of
#: the generator it is given) then produces the same values in every walk, so its fingerprint is reproducible
_SEED_GLOBAL_STATE = "import random as _r, numpy as _np, torch as _t\n_r.seed(0); _np.random.seed(0); _t.manual_seed(0)"


def walk_wrong_answers(notebook_path: Path, answers: list[Answer], workdir: Path) -> dict[str, dict[str, object]]:
    """Judge every wrong answer of one notebook in a single kernel. Returns ``{answer.id: result}``.

    ``result``: ``{"scores": {test_id: [score, max]}, "errors": {test_id: message},
    "visible": {test_id: whether its visible part alone failed},
    "diagnosis": {test_id: diagnose_recorded(...)}}``.
    """
    from nbclient import NotebookClient

    from course.grading.verdict import harvest, load_manifest

    nb = nbformat.read(notebook_path, as_version=4)
    for a in answers:
        check_answer_targets(a, nb)
    manifest = load_manifest(notebook_path.parent.parent.parent, notebook_path.parent.name, notebook_path.stem)
    ids = [grade_id(c) for c in nb.cells]
    by_cell: dict[str, list[Answer]] = {}
    for a in answers:
        by_cell.setdefault(a.cell, []).append(a)
    workdir.mkdir(parents=True, exist_ok=True)
    records_dir = workdir / "records"
    records_dir.mkdir(exist_ok=True)
    # the client gets a copy: nbclient stores every cell it executes into its notebook at that index,
    # and ``nb`` must keep the instructor's cells for the next answer's splice
    client = NotebookClient(
        copy.deepcopy(nb),
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        extra_arguments=["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"],
        resources={"metadata": {"path": str(workdir)}},
    )
    client.kernel_manager_class = _ipc_kernel_manager(workdir)
    results: dict[str, dict[str, object]] = {}
    # the cells after the last test cell that any answer names are never needed (often a long training)
    stop = max((ids.index(t) for a in answers for t in a.fails), default=-1)
    env = {**os.environ, "COURSE_RECORD_DIR": str(records_dir)}
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            if index > stop:
                break
            if cell.cell_type != "code":
                continue
            for answer in by_cell.get(grade_id(cell) or "", []):
                last = max(ids.index(t) for t in answer.fails)
                trial_nb = splice(nb, {answer.cell: answer.source})
                trial = trial_nb.cells[index]
                harvest(records_dir)
                _execute(client, nbformat.v4.new_code_cell(_SEED_GLOBAL_STATE), index)  # reproducible fingerprints
                _execute(client, trial, index)
                harvest(records_dir)
                scores: dict[str, list[float]] = {}
                errors: dict[str, str] = {}
                visible: dict[str, bool] = {}
                seen: dict[str, dict] = {}
                for j in range(index + 1, last + 1):
                    follower = trial_nb.cells[j]
                    if follower.cell_type != "code":
                        continue
                    gid = grade_id(follower)
                    if gid not in answer.fails:
                        _execute(client, follower, j)
                        harvest(records_dir)
                        continue
                    records, visible[gid] = _run_in_two_parts(client, follower, j, records_dir)
                    verdict = judge_recorded(trial_nb, j, records, manifest)
                    points = float(follower.metadata["nbgrader"]["points"])
                    scores[gid] = [points if verdict.passed else 0.0, points]
                    errors[gid] = verdict.message or ""
                    seen[gid] = diagnose_recorded(trial_nb, j, records, manifest)
                results[answer.id] = {"scores": scores, "errors": errors, "visible": visible, "diagnosis": seen}
            _execute(client, cell, index)
            harvest(records_dir)
    return results


def _execute(client, cell, index: int) -> None:
    """Run ``cell`` as cell ``index`` of the client's notebook (a copy: see :func:`walk_wrong_answers`).

    The cell is put in the client's notebook first: nbclient applies an ``update_display_data`` (a
    progress bar's final text) to the outputs of the cell at that index of its own notebook.
    """
    client.nb.cells[index] = cell
    client.execute_cell(cell, index)


def _run_in_two_parts(client, cell, index: int, records_dir: Path) -> tuple[list[dict], bool]:
    """Run test cell ``cell`` as its visible part, then (if that passed) its hidden tests.

    Returns the records of both parts and whether the visible part failed (raised, as a student
    sees it). ``cell.outputs`` gets the outputs of both, as if the cell had run whole: a cell stops
    at its first failing check, so the hidden tests never run after a visible failure either.
    """
    from course.grading.verdict import harvest

    visible_src, hidden_src = split_test_source(cell.source)
    outputs, records = [], []
    visible_failed = False
    for n, part_src in enumerate((visible_src, hidden_src)):
        if not part_src:
            continue
        part = copy.deepcopy(cell)
        part.source = part_src
        _execute(client, part, index)
        records += harvest(records_dir)
        outputs += part.outputs
        failed = any(o.get("output_type") == "error" for o in part.outputs)
        if n == 0:
            visible_failed = failed
        if failed:
            break
    cell.outputs = outputs
    return records, visible_failed


def _ipc_kernel_manager(workdir: Path):
    """A kernel manager class whose kernels talk over ipc sockets in ``workdir`` (no TCP warning)."""
    from jupyter_client import AsyncKernelManager

    class IpcKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(workdir / "kernel")

    return IpcKernelManager


def correct_variants(answers: list[Answer]) -> dict[int, dict[tuple[str, str], dict[str, str]]]:
    """Variant k -> {(assignment, notebook): {cell: source}} using the k-th correct answer of each cell."""
    per_cell: dict[tuple[str, str, str], list[Answer]] = {}
    for a in answers:
        if a.kind == "correct":
            per_cell.setdefault((a.assignment, a.notebook, a.cell), []).append(a)
    variants: dict[int, dict[tuple[str, str], dict[str, str]]] = {}
    for (assignment, notebook, cell), items in per_cell.items():
        for k, a in enumerate(items):
            variants.setdefault(k, {}).setdefault((assignment, notebook), {})[cell] = a.source
    return variants


def save_result(kind: str, key: str, payload: dict) -> None:
    """Store a result for the end-of-run mutation-score table (works across xdist workers)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", key)
    (RESULTS / f"{kind}__{safe}.json").write_text(json.dumps(payload))


def mutation_table() -> str | None:
    """The mutation score per assignment from the stored results, or None when there are none.

    Besides the score: how many wrong answers the visible tests already fail (what a student sees
    before handing in), and how many are catalogued exceptions to that rule.
    """
    if not RESULTS.is_dir():
        return None
    rows: dict[str, list[int]] = {}
    for path in sorted(RESULTS.glob("wrong__*.json")):
        r = json.loads(path.read_text())
        row = rows.setdefault(r["assignment"], [0, 0, 0, 0])
        row[0] += int(r["caught"])
        row[1] += 1
        row[2] += int(r.get("visible", False))
        row[3] += int(r.get("exception", False))
    correct: dict[str, list[int]] = {}
    for path in sorted(RESULTS.glob("correct__*.json")):
        r = json.loads(path.read_text())
        c = correct.setdefault(r["assignment"], [0, 0])
        c[0] += int(r["full_marks"])
        c[1] += 1
    if not rows and not correct:
        return None
    names = sorted(set(rows) | set(correct))
    lines = [
        "| assignment | wrong answers caught | mutation score | caught by the visible tests | exceptions "
        "| correct answers at full marks |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    tot = [0] * 6
    for n in names:
        c, t, v, x = rows.get(n, [0, 0, 0, 0])
        ok, ct = correct.get(n, [0, 0])
        tot = [a + b for a, b in zip(tot, [c, t, v, x, ok, ct])]
        score = f"{100 * c / t:.0f}%" if t else "-"
        lines.append(f"| {n} | {c}/{t} | {score} | {v}/{t} | {x} | {ok}/{ct} |")
    score = f"{100 * tot[0] / tot[1]:.0f}%" if tot[1] else "-"
    lines.append(f"| **total** | {tot[0]}/{tot[1]} | {score} | {tot[2]}/{tot[1]} | {tot[3]} | {tot[4]}/{tot[5]} |")
    return "\n".join(lines)


def hint_table() -> str | None:
    """Per assignment: how many wrong answers the grader recognises by their catalogued fingerprint (the
    hint of that mistake), and, without the catalogue, how many a generic diagnosis alone explains or
    none; how many correct answers got a hint (must be none). None when no results were stored."""
    if not RESULTS.is_dir():
        return None
    rows: dict[str, list[int]] = {}
    for path in sorted(RESULTS.glob("hint__*.json")):
        r = json.loads(path.read_text())
        row = rows.setdefault(r["assignment"], [0, 0, 0, 0, 0, 0])
        row[0] += 1
        row[1] += int(r["own"])
        row[2] += int(bool(r["generic"]))
        row[3] += int(not r["generic"])
    for path in sorted(RESULTS.glob("correct__*.json")):
        r = json.loads(path.read_text())
        if "hinted" in r:
            row = rows.setdefault(r["assignment"], [0, 0, 0, 0, 0, 0])
            row[4] += 1
            row[5] += int(r["hinted"])
    if not rows:
        return None
    lines = [
        "| assignment | wrong answers | its own hint (catalogue) | without the catalogue: generic hint | no hint "
        "| correct answers with a hint |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    tot = [0] * 6
    for name in sorted(rows):
        n, own, gen, none, nc, hinted = rows[name]
        tot = [a + b for a, b in zip(tot, rows[name])]
        lines.append(f"| {name} | {n} | {own}/{n} | {gen} | {none} | {hinted}/{nc} |")
    n, own, gen, none, nc, hinted = tot
    lines.append(f"| **total** | {n} | {own}/{n} | {gen} | {none} | {hinted}/{nc} |")
    return "\n".join(lines)


def kernel_env_single_thread() -> None:
    """Two kernels at once on two cores: one thread each (inherited by the kernels we start)."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def run_and_judge(nb, workdir: Path, *, last_index: int | None = None) -> dict[str, object]:
    """Run the whole notebook ``nb`` with recording on and judge every test cell (the trusted verdict).

    Returns ``{test grade_id: CellVerdict}``. Quick (no nbgrader, no sandbox): for developing tests;
    the suite autogrades correct answers for real.
    """
    from nbclient import NotebookClient

    from course.grading.verdict import harvest, load_manifest

    workdir.mkdir(parents=True, exist_ok=True)
    records_dir = workdir / "records"
    records_dir.mkdir(exist_ok=True)
    nb = copy.deepcopy(nb)
    assignment, notebook = nb.metadata.get("course_assignment"), nb.metadata.get("course_notebook")
    manifest = load_manifest(REPO, assignment, notebook)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                            extra_arguments=["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"],
                            resources={"metadata": {"path": str(workdir)}})
    client.kernel_manager_class = _ipc_kernel_manager(workdir)
    verdicts: dict[str, object] = {}
    env = {**os.environ, "COURSE_RECORD_DIR": str(records_dir)}
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            if last_index is not None and index > last_index:
                break
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, index)
            records = harvest(records_dir)
            if is_test_cell(cell):
                verdicts[grade_id(cell)] = judge_recorded(nb, index, records, manifest)
    return verdicts


def source_notebook(assignment: str, notebook: str):
    """The instructor's notebook, tagged with where it comes from (for :func:`run_and_judge`)."""
    nb = nbformat.read(REPO / "source" / assignment / f"{notebook}.ipynb", as_version=4)
    nb.metadata["course_assignment"] = assignment
    nb.metadata["course_notebook"] = notebook
    return nb
