"""Grading throughput: a synthetic class graded with 1 worker, 2 workers and a 2-worker Dask cluster.

    ./run bench-grading                       a1-a6, 4 submissions each (24)
    ./run bench-grading --assignments a1_mlp_basics a7_mlp_cnn --per-assignment 3

The class: per assignment, the instructor's notebooks, then the correct-answer variants of
``tests/answers/`` spliced in the way ``tests/answer_harness.py`` does (the k-th correct answer of every
cell), then one submission with the first wrong answer of every cell, up to ``--per-assignment``.
First every submission is executed plainly, one after the other, in a fresh kernel with the default
number of threads (no nbgrader, no sandbox, no verdict: what ``./run bench`` measures); then the whole
class is autograded three times (``--force``), each into the same course and each in a fresh process
(what one ``course autograde`` costs, start-up included). The table gives submissions
per minute, the speed-up over 1 worker, and the overhead: grading wall time / plain execution time.
Manifests are built before anything is timed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from traitlets.config import Config

# a kernel on TCP with transport encryption where the kernel supports it (as nbgrader_config.py sets):
# ipykernel warns on every start otherwise
QUIET_KERNEL = Config({"KernelManager": {"transport_encryption": "auto"}})

REPO = Path(__file__).resolve().parent.parent
DEFAULT = ["a1_mlp_basics", "a2_layers_backprop", "a3_gradient_descent", "a4_autodiff", "a5_two_moons",
           "a6_backprop_ninja"]


def make_class(root: Path, assignments: list[str], per_assignment: int) -> dict[str, list[Path]]:
    """A course at ``root`` with the synthetic class; returns ``student/assignment -> notebook paths``."""
    import nbformat

    sys.path.insert(0, str(REPO / "tests"))
    from answer_harness import correct_variants, load_answers, splice

    from course.grading.build import build
    from course.grading.coursedir import Course

    root.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    for a in assignments:
        shutil.copytree(REPO / "source" / a, root / "source" / a)
    course = Course(root)
    build(course, assignments)
    answers = load_answers()
    variants = correct_variants(answers)
    made: dict[str, list[Path]] = {}
    for a in assignments:
        kinds: list[tuple[str, dict]] = [("solution", {})]
        for k in sorted(variants):
            cells = {nb: c for (aa, nb), c in variants[k].items() if aa == a}
            if cells:
                kinds.append((f"correct-{k + 1}", cells))
        wrong: dict[str, dict[str, str]] = {}
        for ans in answers:
            if ans.assignment == a and ans.kind == "wrong":
                wrong.setdefault(ans.notebook, {}).setdefault(ans.cell, ans.source)
        kinds.insert(min(len(kinds), per_assignment - 1), ("wrong", wrong))
        while len(kinds) < per_assignment:  # not enough variants: hand the solution in again
            kinds.append((f"solution-{len(kinds)}", {}))
        for student, cells in kinds[:per_assignment]:
            dest = course.submitted / student / a
            dest.mkdir(parents=True)
            made[f"{student}/{a}"] = []
            for path in course.source_notebooks(a):
                nb = splice(nbformat.read(path, as_version=4), cells.get(path.stem, {}))
                nbformat.write(nb, str(dest / path.name))
                made[f"{student}/{a}"].append(dest / path.name)
    return made


def plain_seconds(notebooks: list[Path], workdir: Path) -> float:
    """Execute each notebook in a fresh kernel, one after the other (as ``./run bench`` does)."""
    import nbformat
    from nbclient import NotebookClient

    total = 0.0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        folder = workdir / path.parent.parent.name / path.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True, config=QUIET_KERNEL,
                                resources={"metadata": {"path": str(folder)}})
        start = time.perf_counter()
        client.execute()
        total += time.perf_counter() - start
    return total


def run_once(root: Path, out: Path, assignments: list[str], workers: int | None, scheduler: str | None) -> None:
    """One timed ``autograde --force`` of the whole class (in a process of its own); writes
    ``[seconds, {status: count}, {phase: seconds summed}]`` to ``out``."""
    from course.grading.autograde import autograde
    from course.grading.coursedir import Course
    from course.grading.sandbox import sandbox_problem

    start = time.perf_counter()
    outcomes = autograde(Course(root), assignments, progress=False, sandbox=sandbox_problem() is None, force=True,
                         workers=workers, scheduler=scheduler)
    seconds = time.perf_counter() - start
    statuses: dict[str, int] = {}
    phases: dict[str, float] = {}
    for o in outcomes:
        statuses[o.status] = statuses.get(o.status, 0) + 1
        for phase, value in o.timings.items():
            phases[phase] = phases.get(phase, 0.0) + value
    out.write_text(json.dumps([seconds, statuses, phases]))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--assignments", nargs="+", default=DEFAULT)
    parser.add_argument("--per-assignment", type=int, default=4)
    parser.add_argument("--skip-plain", action="store_true", help="do not measure plain execution")
    parser.add_argument("--run-once", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message=".*not in session.*")
    sys.path.insert(0, str(REPO))
    if args.run_once:
        run_once(args.run_once, args.out, args.assignments, args.workers, args.scheduler)
        return 0
    from distributed import LocalCluster

    from course.data import DATASETS, prepare
    from course.grading.autograde import prepare_manifests
    from course.grading.coursedir import Course
    from course.grading.report import collect_grades
    from course.grading.sandbox import sandbox_problem

    for name in DATASETS:
        prepare(name)
    load_before = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="course-bench-"))
    try:
        made = make_class(tmp / "course", args.assignments, args.per_assignment)
        course = Course(tmp / "course")
        prepare_manifests(course, args.assignments, progress=False)
        count = len(made)
        notebooks = [p for paths in made.values() for p in paths]
        print(f"{count} submissions ({len(notebooks)} notebooks) of {', '.join(args.assignments)}", file=sys.stderr)
        plain = None
        if not args.skip_plain:
            plain = plain_seconds(notebooks, tmp / "plain")
            print(f"  plain execution: {plain:.1f} s", file=sys.stderr)
        sandbox = sandbox_problem() is None
        rows = []

        def run(label: str, *how: str) -> None:
            # each run in a fresh process, as `course autograde` would be: it pays its own start-up
            out = tmp / "run.json"
            cmd = [sys.executable, __file__, "--run-once", str(course.root), "--out", str(out),
                   "--assignments", *args.assignments, *how]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"{label} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
            seconds, statuses, phases = json.loads(out.read_text())
            rows.append((label, seconds, statuses, phases))
            print(f"  {label}: {seconds:.1f} s {statuses}", file=sys.stderr)

        run("1 worker", "--workers", "1")
        run("2 workers", "--workers", "2")
        # a running cluster whose workers preloaded the grading code, as the README says to start them
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, preload=["course.grading.preload"]) as cluster:
            run("Dask LocalCluster, 2 workers", "--scheduler", cluster.scheduler_address)
        full = {}
        for r in collect_grades(course, args.assignments):
            if r.autograded:
                key = f"{r.student}/{r.assignment}"
                full[key] = full.get(key, True) and r.score == r.max_score
        load_after = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = rows[0][1]

    def workers_of(label: str) -> int:
        return 1 if label.startswith("1 ") else 2
    print(f"\ngrading throughput: {count} submissions; {os.cpu_count()} cores; sandbox {'on' if sandbox else 'off'}; "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after\n")
    if plain is not None:
        print(f"plain execution of the same notebooks, one at a time: {plain:.1f} s "
              f"({count / (plain / 60):.1f} submissions per minute)\n")
    print("| run | wall time (s) | submissions per minute | speed-up over 1 worker | overhead (wall / plain) |")
    print("|---|--:|--:|--:|--:|")
    for label, seconds, *_ in rows:
        overhead = f"{seconds / plain:.2f}x" if plain else "-"
        print(f"| {label} | {seconds:.1f} | {count / (seconds / 60):.1f} | {base / seconds:.2f}x | {overhead} |")
    order = ["intake", "kernel start", "cells", "harvest", "teardown", "verdict", "nbgrader steps", "collect"]
    print(f"\nwhere a job's time goes (seconds per submission, mean of {count}; share of the 1-worker job):\n")
    print("| phase | " + " | ".join(label for label, *_ in rows) + " | share (1 worker) |")
    print("|---|" + "--:|" * (len(rows) + 1))
    total = rows[0][3].get("total", 0.0) or 1.0
    for phase in [*order, "total"]:
        if phase in rows[0][3]:
            cells = " | ".join(f"{r[3].get(phase, 0.0) / count:.2f}" for r in rows)
            name = "job total" if phase == "total" else phase
            print(f"| {name} | {cells} | {100 * rows[0][3][phase] / total:.0f}% |")
    outside = " | ".join(f"{(r[1] * workers_of(r[0]) - r[3].get('total', 0.0)) / count:.2f}" for r in rows)
    print(f"| outside the jobs (start-up, pool start, gradebook writes; x workers) | {outside} | |")
    bad = sorted(k for k, ok in full.items() if not ok and (k.startswith("solution") or k.startswith("correct")))
    print(f"\noutcomes of the last run: {rows[-1][2]}; solution and correct submissions short of full marks: "
          f"{', '.join(bad) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
