"""Develop the tests of one source notebook: ``python tests/check_notebook.py ASSIGNMENT NOTEBOOK [--quick]``.

1. the hygiene rules of hidden tests (tests/test_notebooks.py);
2. the manifest (the solution's own run: every test cell must pass) and the random-state check;
3. every wrong answer of the catalogue must lose points, judged as the grader does, and fail the
   visible tests too (unless its file says ``# visible: passes (...)``);
4. every correct answer must pass every test cell (spliced into the notebook, run, judged).

Prints one line per problem and exits 1 if there is any. ``--quick`` skips steps 2's random-state
check and 4. The suite (``pytest tests/test_answers.py``) then autogrades the correct answers for real.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_harness import (  # noqa: E402
    REPO,
    correct_variants,
    load_answers,
    run_and_judge,
    source_notebook,
    splice,
    visible_rule_problem,
    walk_wrong_answers,
)
from test_notebooks import hidden_test_problems  # noqa: E402


def main(argv: list[str]) -> int:
    assignment, notebook = argv[0], argv[1]
    quick = "--quick" in argv
    path = REPO / "source" / assignment / f"{notebook}.ipynb"
    problems = [f"hygiene: {p}" for p in hidden_test_problems(path)]
    from course.grading.verdict import load_manifest, rng_dependence

    manifest = load_manifest(REPO, assignment, notebook)
    print(f"manifest: {sum(len(v) for v in manifest['cells'].values())} checks in {len(manifest['cells'])} test cells")
    if not quick:
        problems += [f"random state: {p}" for p in rng_dependence(REPO, assignment, notebook, manifest)]
    answers = [a for a in load_answers() if (a.assignment, a.notebook) == (assignment, notebook)]
    wrong = [a for a in answers if a.kind == "wrong"]
    with tempfile.TemporaryDirectory() as tmp:
        results = walk_wrong_answers(path, wrong, Path(tmp) / "walk")
        for a in wrong:
            scores = results[a.id]["scores"]
            kept = [t for t in a.fails if t not in scores or scores[t][0] >= scores[t][1]]
            visible = visible_rule_problem(a, results[a.id])
            if visible:
                problems.append(f"visible rule: {visible}")
            if kept:
                problems.append(f"wrong answer kept full marks: {a.id} on {kept} ({a.why})")
            else:
                print(f"caught {a.id}: " + "; ".join(str(m).splitlines()[0][:140] for m in results[a.id]["errors"].values()))
        if not quick:
            nb = source_notebook(assignment, notebook)
            for k, per_nb in sorted(correct_variants([a for a in answers if a.kind == "correct"]).items()):
                cells = per_nb.get((assignment, notebook), {})
                verdicts = run_and_judge(splice(nb, cells), Path(tmp) / f"correct-{k}")
                for gid, v in verdicts.items():
                    if not v.passed:
                        problems.append(f"correct variant {k + 1} ({', '.join(sorted(cells))}) fails {gid}: {v.message}")
                print(f"correct variant {k + 1}: {sum(v.passed for v in verdicts.values())}/{len(verdicts)} test cells pass")
    for p in problems:
        print("PROBLEM " + p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
