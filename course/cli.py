"""The ``course`` command: the instructor's pipeline from ``source/`` to grades and feedback.

    source/ --build--> release/ --students--> submitted/ --autograde--> autograded/ + gradebook
            --feedback--> feedback/ --report--> score table
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from course import __version__
from course.grading.text import clean_line


class UsageError(ValueError):
    """The command line asks for something contradictory."""

EPILOG = """\
pipeline:
  course build        source/ -> release/ (student versions) and the gradebook
  course release      release/ -> nbgrader's exchange (students fetch from JupyterLab's Assignments tab)
  course collect      the exchange (--exchange), or an LMS download (Canvas, Moodle zip) -> submitted/
  course validate     solutions pass every test; student versions fail them
  course autograde    submitted/<student>/<assignment>/ -> autograded/ and grades
  course feedback     autograded/ -> feedback/<student>/<assignment>/*.html
  course release-feedback   feedback/ -> the exchange (students: Fetch Feedback)
  course report       score table from the gradebook (and a CSV)
  course lab          JupyterLab with nbgrader: Formgrader for you, or (--student NAME) a student's side
  course demo         all of the above on two demo students per assignment
  course data         fetch MNIST and FashionMNIST into the data root
"""


def _course(args: argparse.Namespace):
    from course.grading.coursedir import default_course

    return default_course(args.root)


def cmd_build(args: argparse.Namespace) -> int:
    from course.grading.build import build

    course = _course(args)
    built = build(course, args.assignment, progress=not args.quiet)
    print(f"built {len(built)} assignment(s) into {course.release}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from course.grading.validate import validate

    return 0 if validate(_course(args), args.assignment, progress=not args.quiet) else 1


def cmd_autograde(args: argparse.Namespace) -> int:
    import time

    from course.grading.autograde import BatchInterrupted, Limits, autograde
    from course.grading.progress import summary_line
    from course.grading.report import collect_grades, score_table

    course = _course(args)
    if args.no_sandbox:
        print("WARNING: --no-sandbox: student code runs with your privileges (it can read source/ and the "
              "gradebook). Use it only for code you trust.", file=sys.stderr)
    if args.workers is not None and args.workers < 1:
        print("course autograde: --workers must be at least 1", file=sys.stderr)
        return 2
    limits = Limits(memory_mb=args.memory_mb, max_pids=args.max_processes)
    started = time.monotonic()
    try:
        outcomes = autograde(course, args.assignment, args.student, progress=not args.quiet,
                             sandbox=not args.no_sandbox, limits=limits, workers=args.workers,
                             scheduler=args.scheduler, force=args.force or bool(args.student), echo=True)
    except BatchInterrupted as stop:
        print(summary_line(stop.outcomes, time.monotonic() - started, interrupted=True))
        return 130
    print()
    print(score_table(collect_grades(course, args.assignment)))
    print()
    print(summary_line(outcomes, time.monotonic() - started))
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    if args.exchange == bool(args.files or args.lms):
        raise UsageError("collect from the exchange (--exchange) or from an LMS download (FILES --lms canvas|moodle)")
    if args.exchange:
        from course.grading.exchange import collect_exchange

        rows = collect_exchange(_course(args), args.assignment)
        print(f"{len(rows)} student(s) now in submitted/*/{args.assignment}:")
        for student, stamp in rows:
            print(f"  {clean_line(student, 80)}  submitted {clean_line(stamp, 40)}")
        return 0
    from course.grading.collect import collect

    students = collect(_course(args), args.assignment, [Path(p) for p in args.files], args.lms)
    print(f"{len(students)} student(s) now in submitted/*/{args.assignment}: {', '.join(students)}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from course.grading.exchange import exchange_root, release

    course = _course(args)
    names = release(course, args.assignment, force=args.force)
    where = exchange_root(course) / course.course_id() / "outbound"
    print(f"released {', '.join(names)} into {where}: students fetch it from the Assignments tab")
    return 0


def cmd_release_feedback(args: argparse.Namespace) -> int:
    from course.grading.exchange import release_feedback

    course = _course(args)
    for assignment in course.check_assignments(args.assignment):
        released, elsewhere = release_feedback(course, assignment, args.student)
        print(f"{assignment}: feedback released to {len(released)} student(s)"
              + (f": {', '.join(released)}" if released else ""))
        if elsewhere:
            print(f"  not submitted through the exchange (send feedback/<student>/{assignment}/ another way): "
                  + ", ".join(elsewhere))
    return 0


def cmd_lab(args: argparse.Namespace) -> int:
    from course.grading.lab import run_lab

    return run_lab(_course(args), student=args.student, port=args.port)


def cmd_feedback(args: argparse.Namespace) -> int:
    from course.grading.feedback import generate_feedback

    course = _course(args)
    rows = generate_feedback(course, args.assignment, args.student, progress=not args.quiet)
    failed = [f"{s}/{a}" for s, a, ok in rows if not ok]
    print(f"feedback written for {len(rows) - len(failed)} submission(s) into {course.feedback}")
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    from course.grading.report import collect_grades, score_table, write_csv

    course = _course(args)
    rows = collect_grades(course, args.assignment)
    if not rows:
        print("the gradebook holds no grades yet: run `course autograde` first")
        return 0
    print(score_table(rows, autograded_only=args.autograded_only))
    from course.grading.mistakes import collect_diagnoses, mistake_table

    diagnosed = collect_diagnoses(course, args.assignment)
    if diagnosed:
        print("\nwhat the grader recognised in failed tests (the hint each student read), most frequent first:")
        print(mistake_table(diagnosed))
    if args.csv:
        print(f"\nwrote {write_csv(rows, Path(args.csv))}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from course.grading.demo import run_demo

    return run_demo(_course(args), args.assignment, progress=not args.quiet, workers=args.workers)


def cmd_data(args: argparse.Namespace) -> int:
    from course.data import DATASETS, prepare

    for name in args.dataset or list(DATASETS):
        root = prepare(name)
        print(f"{name}: ready in {root / name}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="course",
        description="Neural networks from scratch with PyTorch: build, grade and report the course's assignments "
        "(nbgrader underneath).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--root", help="course folder (the one holding nbgrader_config.py); default: found from cwd")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str, *, students: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("assignment", nargs="*", help="assignment ids (default: every folder of source/)")
        if students:
            p.add_argument("--student", action="append", help="only this student (repeatable; default: all)"
                           + ("; their submissions are graded again even if unchanged" if name == "autograde" else ""))
        p.set_defaults(func=func)
        return p

    add("build", cmd_build, "Generate release/ (student versions) from source/ with nbgrader and record the "
        "assignments, their graded cells and hidden tests in the gradebook; fails if release/ would leak a "
        "solution or hidden test.")
    add("validate", cmd_validate, "Execute every source notebook (all tests must pass) and every release notebook "
        "(all tests must fail) with nbgrader's validator.")
    ag = add("autograde", cmd_autograde, "Autograde submitted/<student>/<assignment>/ into autograded/ and the "
             "gradebook. Each student's code runs in a sandbox (no network, no view of source/, the gradebook or "
             "other students; memory and process caps); a submission that cannot be graded is reported with its "
             "cause (MISSING, INVALID, TIMEOUT, OOM, KERNEL DIED, PROCESS CAP, OUTPUT CAPPED) and the batch goes "
             "on. Every check is then judged outside the sandbox against a reference made by running the "
             "instructor's notebook once (cached in .course/manifests/): the kernel only ever sees a hidden test's "
             "inputs. A test disabled or patched inside the kernel is reported TAMPERED (to you, never to the "
             "student). Submissions are only read. Submissions are graded in parallel (--workers, or a Dask cluster "
             "with --scheduler) with a progress bar; each line tells what happened and how long it took, and a summary "
             "line ends the run. Ctrl-C stops cleanly: finished grades are kept, and the next run grades the rest.",
             students=True)
    ag.add_argument("--workers", type=int, default=None, metavar="N",
                    help="grade N submissions at once, each in its own worker process on this machine (default: the "
                    "number of cores; each student kernel then gets cores/N threads). --workers 1 grades one at a time")
    ag.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                    help="grade on an existing Dask cluster instead (its scheduler's address): every worker machine "
                    "needs this course's Python environment, bubblewrap and the data, never source/ or the gradebook "
                    "(see the README). Start the Dask workers with --nthreads 1")
    ag.add_argument("--force", action="store_true",
                    help="grade every submission again, even those already graded from the same files (by default a "
                    "submission is skipped when its files, the assignment and the reference are unchanged since it "
                    "was graded, so an interrupted or repeated run only grades what is new)")
    ag.add_argument("--no-sandbox", action="store_true",
                    help="run student code without the sandbox (only where it cannot be set up, for trusted code)")
    ag.add_argument("--memory-mb", type=int, default=None,
                    help="memory cap per student kernel (default: c.RobustExecute.memory_mb of nbgrader_config.py, 4096)")
    ag.add_argument("--max-processes", type=int, default=None,
                    help="process cap per student kernel (default: c.RobustExecute.max_pids, 256)")
    rel = add("release", cmd_release, "Release assignments to nbgrader's exchange (nbgrader release_assignment): "
              "students then fetch them from JupyterLab's Assignments tab (menu Nbgrader > Assignment List). "
              "Releases release/<assignment>/ (building it first if the gradebook does not know it yet). The "
              "exchange is c.Exchange.root of nbgrader_config.py: exchange/ in the course folder, or $COURSE_EXCHANGE.")
    rel.add_argument("--force", action="store_true", help="replace an assignment released before")
    collect_help = ("Collect submissions into submitted/<student>/<assignment>/, where course autograde reads them. "
                    "--exchange: each student's newest submission from nbgrader's exchange (nbgrader collect; a "
                    "newer one replaces what was collected before). Or FILES --lms: an LMS download (zip files or "
                    "notebooks) with nbgrader's zip_collect. Canvas: <login>[_late]_<id>_<id>_<file>.ipynb; Moodle: "
                    "<Name>_<participant id>_assignsubmission_file_<file>.ipynb (flat or in folders).")
    col = sub.add_parser("collect", help=collect_help, description=collect_help)
    col.add_argument("assignment", help="assignment id")
    col.add_argument("files", nargs="*", help="zip files, notebooks, or folders of them (with --lms)")
    col.add_argument("--exchange", action="store_true", help="collect what students submitted through the exchange")
    col.add_argument("--lms", choices=["canvas", "moodle"], help="which file-name pattern the download follows")
    col.set_defaults(func=cmd_collect)
    add("feedback", cmd_feedback, "Write HTML feedback for autograded submissions into feedback/.", students=True)
    add("release-feedback", cmd_release_feedback, "Put the feedback that course feedback wrote into nbgrader's "
        "exchange (nbgrader release_feedback): each student then clicks Fetch Feedback in the Assignments tab and "
        "opens it there. Only submissions collected from the exchange can get it this way.", students=True)
    lab_help = ("Start JupyterLab on 127.0.0.1 with a random token and print its address. For you: in the course "
                "folder, with nbgrader's Formgrader (menu Nbgrader > Formgrader), the Create Assignment sidebar, "
                "the Assignments list and the Validate button, all configured by nbgrader_config.py. With --student "
                "NAME: that student's side on this machine, in students/NAME/ (their home folder), with the "
                "Assignments list and Validate and without the instructor's tools.")
    lab = sub.add_parser("lab", help=lab_help, description=lab_help)
    lab.add_argument("--student", help="start a student's JupyterLab (student id) instead of the instructor's")
    lab.add_argument("--port", type=int, help="port (default: the first free one from 8888)")
    lab.set_defaults(func=cmd_lab)
    rep = add("report", cmd_report, "Print the score table (student x assignment) from the gradebook, then what the "
              "grader recognised in the failed tests (a catalogued mistake or a generic diagnosis: the hint each "
              "student read), per test cell, most frequent first.")
    rep.add_argument("--csv", help="also write one line per graded cell to this CSV file")
    rep.add_argument("--autograded-only", action="store_true", help="leave out manually graded answers")
    demo = add("demo", cmd_demo, "Build, then autograde two demo students per assignment (the solutions: full marks; "
               "the untouched student version: zero), write feedback and print the table. Exits 1 if an expectation "
               "fails.")
    demo.add_argument("--workers", type=int, default=None, metavar="N",
                      help="grade N submissions at once (default: the number of cores)")
    data = sub.add_parser("data", help="Fetch MNIST and FashionMNIST into the data root ($COURSE_DATA; a local "
                          "mirror named by $COURSE_DATA_MIRROR is used first).")
    data.add_argument("dataset", nargs="*", help="MNIST and/or FashionMNIST (default: both)")
    data.set_defaults(func=cmd_data)
    return parser


def main(argv: list[str] | None = None) -> int:
    import warnings

    # nbgrader's gradebook code trips SQLAlchemy's autoflush warnings; they are not the instructor's concern
    warnings.filterwarnings("ignore", message=".*not in session.*")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # one clear line for the instructor, not a traceback
        from course.data import DataUnavailableError
        from course.grading.autograde import SandboxUnavailable
        from course.grading.build import BuildError

        if isinstance(exc, SandboxUnavailable):
            print(f"course {args.command}: {exc}.\nRun as root with bubblewrap installed, or pass --no-sandbox "
                  "to grade without it (student code then runs with your privileges).", file=sys.stderr)
            return 2
        from course.grading.exchange import ExchangeError

        if isinstance(exc, (BuildError, DataUnavailableError, FileNotFoundError, ExchangeError, UsageError)):
            print(f"course {args.command}: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
