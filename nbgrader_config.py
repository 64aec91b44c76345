"""nbgrader configuration for the course (read by ``nbgrader`` and by the ``course`` command).

The course root is the folder of this file: ``source/`` (instructor notebooks), ``release/``
(generated student versions), ``submitted/``, ``autograded/``, ``feedback/`` and the
SQLite gradebook ``gradebook.db`` (git-ignored: it holds the hidden tests and the grades).
"""

import os

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

_root = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "nn-from-scratch"
c.CourseDirectory.root = _root
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(_root, "gradebook.db")

# nbgrader's exchange: where `course release` puts assignments for students to fetch (JupyterLab's
# Assignments tab), where their submissions land until `course collect --exchange`, and where
# `course release-feedback` puts their feedback. One folder every student and the instructor can reach:
# `exchange/` here (git-ignored) for one machine; on a shared server or JupyterHub a folder such as
# /srv/nbgrader/exchange (set COURSE_EXCHANGE, or edit this line, for the instructor and the students).
c.Exchange.root = os.environ.get("COURSE_EXCHANGE") or os.path.join(_root, "exchange")

# Kernels speak to Jupyter over TCP on 127.0.0.1: encrypt it with CurveZMQ keys (which also ends
# ipykernel's "Kernel is running over TCP without encryption" warning). Sandboxed kernels use ipc sockets.
c.KernelManager.transport_encryption = "auto"

# The slowest solution cell (a training loop) takes well under 30 s on a 2-core laptop CPU;
# the per-cell timeout is a safety net with a wide margin, not a speed test.
c.Execute.timeout = 300
# Give the kernel a minute to start (importing torch on a cold disk is slow).
c.Execute.startup_timeout = 120
# Wall-clock cap for a whole notebook when autograding: cells after it are not run.
c.RobustExecute.notebook_timeout = 1200

# source/<assignment>/<notebook>.fingerprints.json (what each catalogued mistake produces at every check, hidden
# ones included: course.grading.diagnose) is the instructor's: never copied into release/ (or anywhere else).
# <notebook>.hints.json (the visible checks' part) is copied, and read by the visible tests in the student's kernel.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.fingerprints.json"]

# What students see where a solution was.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Keep the kernel quiet on the grader's terminal (and keep IPython history in memory).
c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]

# Autograde, first pass (sanitize): nbgrader's steps, with deleted or edited graded cells restored
# from the gradebook by RestoreMissingCells (nbgrader's OverwriteCells, fixed for a deleted test
# cell that follows a locked ungraded cell, where stock nbgrader raises KeyError).
# NormalizeNotebook first: a notebook that breaks nbformat's schema or carries nbgrader metadata of the
# wrong types is repaired (or refused with the schema's message) before any step that assumes it is sound.
c.Autograde.sanitize_preprocessors = [
    "course.grading.wellformed.NormalizeNotebook",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "course.grading.execute.RestoreMissingCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.OverwriteCells.add_missing_cells = True

# Autograde, second pass: RobustExecute instead of nbgrader's Execute (cell by cell; a dead or
# stuck kernel costs the cells it did not run, never the whole submission), then the course's
# SanitizeTestOutputs right after execution.
# It removes stderr from test cells (nbgrader 0.9.6 zeroes a graded cell that wrote to stderr,
# so a harmless warning from a correct answer would cost the cell) and strips traceback frames
# that quote the hidden tests, keeping the check messages. Then TrustedVerdict re-judges every check
# outside the kernel, from the records the check helpers wrote, against the instructor's manifest,
# and rebuilds each test cell's outputs from that verdict (a disabled or patched test is TAMPERED).
# RedactHiddenTests then removes any output line of any cell that quotes a hidden test (student
# code can read a test cell's source from a pre-run hook and print it from a later cell).
c.Autograde.autograde_preprocessors = [
    "course.grading.execute.RobustExecute",
    "course.grading.preprocessors.SanitizeTestOutputs",
    "course.grading.verdict.TrustedVerdict",
    "course.grading.preprocessors.RedactHiddenTests",
    "course.grading.preprocessors.StripActiveContent",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Every way of autograding is the sandboxed one: `course autograde`, `nbgrader autograde` in this folder
# and Formgrader's autograde button all run RobustExecute above, which starts each student kernel in the
# course sandbox (course/grading/sandbox.py: bubblewrap, uid 65534, cgroup caps, no network) and refuses
# to grade, saying why, where the sandbox cannot be set up. The one opt-out, for code you trust only:
# c.RobustExecute.sandbox = False  (student code then runs with your privileges)
c.RobustExecute.memory_mb = 4096
c.RobustExecute.max_pids = 256
c.TrustedVerdict.course_root = _root

# Feedback (`course feedback` and Formgrader's button; neither executes anything): never show the
# source of hidden tests (their messages stay in the outputs), nor the outputs of the student's own
# cells (they could carry what student code read during a hidden test), nor anything that runs in a
# browser; the HTML is sanitised as well.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "course.grading.feedback_page.FeedbackSummary",
    "nbgrader.preprocessors.ClearHiddenTests",
    "course.grading.preprocessors.ClearStudentOutputs",
    "course.grading.preprocessors.StripActiveContent",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
# The page: a summary per exercise (points, passed or failed, the grader's hint or the check's message, a link
# to the cell), then the notebook; the maths drawn as MathML on the grader's side, so the page needs no network.
c.GenerateFeedback.exporter_class = "course.grading.feedback_page.FeedbackExporter"
c.FeedbackExporter.template_name = "course_feedback"
# Formgrader renders autograded notebooks in the instructor's Jupyter origin: sanitise their HTML there too.
c.HTMLExporter.sanitize_html = True
# and draw their maths as MathML on the server (Formgrader's page would load MathJax from a CDN)
c.HTMLExporter.filters = {"markdown2html": "course.grading.feedback_page.markdown_cell_to_html"}
