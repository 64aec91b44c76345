"""The course in the real Jupyter UI, driven by a real browser (Debian's chromium through Playwright).

Two JupyterLab servers started by ``course lab``'s own code on a scratch copy of the course: the
instructor's (course folder, Formgrader) and student alice's (``students/alice/``, her HOME), sharing
the scratch course's exchange. The tests run in order, as the course runs:

1. the instructor releases assignment 3 (``course release``); alice fetches it in the Assignments tab;
2. she opens her (solved) notebook, runs all cells: figures and the visible tests' output, no error;
3. Validate says a solved notebook passes, and shows the check message of a wrong answer and the error
   of an untouched one;
4. she submits in the Assignments tab;
5. in Formgrader the instructor sees the course's assignments, collects, autogrades (sandboxed), sees the
   score, grades the derivation by hand (the grade reaches the gradebook), generates and releases feedback;
6. alice fetches her feedback in the Assignments tab and reads it;
7. the same round trip on the command line (``course collect --exchange``, ``course autograde``, ``course
   feedback``, ``course release-feedback``) for bob, who submits late under a late penalty.

Screenshots of every step go to ``reports/screenshots/`` (git-ignored).
"""

from __future__ import annotations

import copy
import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from course.grading.coursedir import Course
from course.grading.lab import free_port, lab_server, setup_student, student_home
from course.grading.sandbox import sandbox_problem

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "reports" / "screenshots"
A = "a3_gradient_descent"
NB = "gradient_descent"

pytestmark = [
    pytest.mark.xdist_group("ui"),
    pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                       reason="no /usr/bin/chromium (apt-get install chromium; ./run test installs it as root)"),
    pytest.mark.skipif(sandbox_problem() is not None, reason=f"no sandbox here: {sandbox_problem()}"),
]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SLOW = 180_000  # ms: a kernel start plus a notebook run on a busy 2-core machine


def solved(course: Course, assignment: str = A, notebook: str = NB, **answers: str) -> nbformat.NotebookNode:
    """The released notebook as a student hands it in: every solution cell filled in with the instructor's
    answer, or with ``answers[grade_id]``; the test cells are the student's (no hidden tests)."""
    release = nbformat.read(course.release / assignment / f"{notebook}.ipynb", as_version=4)
    source = nbformat.read(course.source / assignment / f"{notebook}.ipynb", as_version=4)
    answer = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
              if c.metadata.get("nbgrader", {}).get("solution")}
    out = copy.deepcopy(release)
    for cell in out.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            text = answers.get(gid, answer[gid])
            cell.source = re.sub(r"^[ \t]*### (BEGIN|END) SOLUTION[^\n]*\n?", "", text, flags=re.M)
    return out


WRONG_SIGMOID = ("def sigmoid(z):\n    return 1.0 / (1.0 + np.exp(z))  # the sign of z is wrong\n\n\n"
                 "def grad_sigmoid(z):\n    s = sigmoid(z)\n    return s * (1.0 - s)\n")


class Run:
    """What the tests share: the scratch course, both servers, the browser."""

    def __init__(self, root: Path) -> None:
        self.course = Course(root)
        self.alice = student_home(self.course, "alice")


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
    env.pop("COURSE_EXCHANGE", None)
    env.pop("COURSE_RECORD_DIR", None)
    return env


def _course_cli(run: Run, *args: str, env: dict | None = None, timeout: int = 900) -> str:
    done = subprocess.run([str(BIN / "course"), "-q", *args], cwd=run.course.root, env=env or run.env,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"course {' '.join(args)}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert "warning" not in (done.stdout + done.stderr).lower(), done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from conftest import copy_course

    root = copy_course(tmp_path_factory.mktemp("ui") / "course")
    r = Run(root)
    r.env = _env(root.parent / "instructor-home")
    (root.parent / "instructor-home").mkdir()
    # the instructor releases assignment 3 to the course's (scratch) exchange: `course release` builds it first
    out = _course_cli(r, "release", A)
    assert f"released {A}" in out
    assert (r.course.root / "exchange" / "nn-from-scratch" / "outbound" / A / f"{NB}.ipynb").is_file()
    from nbgrader.api import Gradebook

    with Gradebook(r.course.db_url(), r.course.course_id()) as gb:  # the class list (optional for nbgrader)
        gb.update_or_create_student("alice", first_name="Alice", last_name="Liddell")
    # a due date an hour ago (the README's command): every submission of these tests is late
    due = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S UTC")
    done = subprocess.run([str(BIN / "nbgrader"), "db", "assignment", "add", A, "--duedate", due], cwd=root,
                          env=r.env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    port = free_port(8890)
    instructor = lab_server(r.course, env=r.env, port=port)
    student = lab_server(r.course, student="alice", env=r.env, port=free_port(port + 1))
    procs = [instructor.start(), student.start()]
    try:
        instructor.wait_ready(procs[0])
        student.wait_ready(procs[1])
        r.instructor, r.student = instructor, student
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            r.browser = browser
            SHOTS.mkdir(parents=True, exist_ok=True)
            yield r
            browser.close()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        for server in (instructor, student):  # the kernels' own log lines land here: no transport warning
            log = server.log.read_text(errors="replace") if server.log.exists() else ""
            assert "without encryption" not in log


def _page(run: Run, server, path: str = "lab"):
    context = run.browser.new_context(viewport={"width": 1500, "height": 950})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server.base}/{path}?token={server.token}")
    page.wait_for_selector("#jp-main-dock-panel")
    return page


def _shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _assignments_tab(page):
    page.get_by_role("menuitem", name="Nbgrader").click()
    page.get_by_role("menuitem", name="Assignment List").click()
    page.locator("#released_assignments_list").wait_for()
    return page


def _open_notebook(page, run: Run, relpath: str):
    # `reset`: a fresh workspace, with only this notebook open
    page.goto(f"{run.student.base}/lab/tree/{relpath}?reset&token={run.student.token}")
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
    page.get_by_text("Kernel status: Idle").or_(page.locator(".jp-Notebook-ExecutionIndicator[data-status=idle]")) \
        .first.wait_for(timeout=SLOW)


def _run_all(page) -> None:
    page.locator(".jp-NotebookPanel .jp-Cell").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    # every code cell has its execution count: nothing is still running or waiting
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=SLOW)


def _validate(page) -> str:
    page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog")
    dialog.locator(".validation-success, .validation-failed, .validation-error").first.wait_for(timeout=SLOW)
    return dialog.inner_text()


def _close_dialog(page) -> None:
    page.locator(".jp-Dialog").get_by_role("button").last.click()
    page.locator(".jp-Dialog").wait_for(state="detached")


def test_student_fetches_the_released_assignment(run):
    page = _page(run, run.student)
    page.get_by_role("menuitem", name="Nbgrader").click()
    page.get_by_role("menuitem", name="Course List").wait_for()
    # a student's JupyterLab has no instructor tools
    assert page.get_by_role("menuitem", name="Formgrader", exact=True).count() == 0
    assert page.get_by_role("menuitem", name="Create Assignment").count() == 0
    page.keyboard.press("Escape")
    _assignments_tab(page)
    released = page.locator("#released_assignments_list")
    released.get_by_text(A).wait_for()
    _shot(page, "01-student-assignments-released")
    released.get_by_role("button", name="Fetch").click()
    page.locator("#fetched_assignments_list").get_by_text(A).wait_for()
    _shot(page, "02-student-assignment-fetched")
    assert (run.alice / A / f"{NB}.ipynb").is_file()
    page.context.close()


def test_solved_notebook_runs_in_the_browser_with_figures_and_no_error(run):
    nb = solved(run.course)
    nbformat.write(nb, str(run.alice / A / f"{NB}.ipynb"))  # alice has done her work
    tests = sum(1 for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code")
    page = _page(run, run.student)
    _open_notebook(page, run, f"{A}/{NB}.ipynb")
    _run_all(page)
    outputs = page.locator(".jp-NotebookPanel .jp-OutputArea-output")
    assert page.locator(".jp-NotebookPanel .jp-RenderedImage img").count() >= 3  # the data, the sigmoid, ...
    assert outputs.filter(has_text="visible tests passed").count() == tests
    # no error and no warning: stderr and tracebacks both render with the stderr MIME type
    stderr = page.locator('.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    assert stderr.count() == 0, stderr.all_inner_texts()
    assert outputs.count() > tests
    # the first test cell's output, under the sigmoid's plot, in the middle of the window
    outputs.filter(has_text="visible tests passed").first.scroll_into_view_if_needed()
    _shot(page, "03-student-notebook-run")
    page.keyboard.press("Control+s")
    page.locator(".jp-NotebookPanel .jp-mod-dirty").wait_for(state="detached")
    page.context.close()


def test_validate_passes_a_solved_notebook_and_explains_a_failing_one(run):
    practice = run.alice / "practice"
    practice.mkdir()
    nbformat.write(solved(run.course, sigmoid=WRONG_SIGMOID), str(practice / "wrong_sigmoid.ipynb"))
    shutil.copy(run.course.release / A / f"{NB}.ipynb", practice / "untouched.ipynb")
    page = _page(run, run.student)
    _open_notebook(page, run, f"{A}/{NB}.ipynb")
    said = _validate(page)
    assert "Success! Your notebook passes all the tests." in said
    _shot(page, "04-validate-solved")
    _close_dialog(page)

    _open_notebook(page, run, "practice/wrong_sigmoid.ipynb")
    said = _validate(page)
    assert "sigmoid.small" in said and "Success" not in said, said  # the visible check's message
    _shot(page, "05-validate-wrong-answer")
    _close_dialog(page)

    _open_notebook(page, run, "practice/untouched.ipynb")
    said = _validate(page)
    assert "NotImplementedError" in said and "You did not provide a response" in said, said
    assert "Success" not in said
    _shot(page, "06-validate-untouched")
    page.context.close()


def test_student_submits_in_the_assignments_tab(run):
    page = _assignments_tab(_page(run, run.student))
    page.locator("#fetched_assignments_list").get_by_role("button", name="Submit").click()
    submitted = page.locator("#submitted_assignments_list")
    submitted.get_by_text(A).first.wait_for()
    _shot(page, "07-student-submitted")
    inbound = list((run.course.root / "exchange" / "nn-from-scratch" / "inbound").glob(f"alice+{A}+*"))
    assert len(inbound) == 1 and (inbound[0] / f"{NB}.ipynb").is_file()
    page.context.close()


def _formgrader(run: Run):
    page = _page(run, run.instructor)
    page.get_by_role("menuitem", name="Nbgrader").click()
    page.get_by_role("menuitem", name="Create Assignment").wait_for()  # the instructor's tools are there
    page.get_by_role("menuitem", name="Formgrader", exact=True).click()
    frame = page.frame_locator("#formgrader iframe")
    return page, frame


def _row(frame, name: str):
    return frame.locator("tr").filter(has=frame.locator(".name, .student-id").get_by_text(name, exact=True))


def _confirm_log_modal(frame, expect: str) -> str:
    modal = frame.locator(".modal.in, .modal.show").first
    modal.wait_for(timeout=SLOW)
    text = modal.inner_text()
    assert expect in text, text
    modal.locator("button.close, button[data-dismiss=modal]").first.click()
    modal.wait_for(state="hidden")
    frame.locator(".modal-backdrop").wait_for(state="detached")
    return text


def test_formgrader_collects_autogrades_and_shows_the_score(run):
    page, frame = _formgrader(run)
    for a in run.course.assignments():  # every assignment of the course is listed
        frame.locator(".name").get_by_text(a, exact=True).wait_for()
    row = _row(frame, A)
    row.locator(".status").get_by_text("released").wait_for()
    _shot(page, "08-formgrader-assignments")
    row.locator(".collect a").click()
    _confirm_log_modal(frame, "Successfully collected")
    assert (run.course.submitted / "alice" / A / f"{NB}.ipynb").is_file()
    _row(frame, A).locator(".num-submissions a").click()
    student = _row(frame, "alice")
    student.locator(".status").get_by_text("needs autograding").wait_for()
    student.locator(".autograde a").click()
    _confirm_log_modal(frame, "Successfully autograded")
    # the solved notebook gets every autograded point; the derivation waits for a person
    student.locator(".score").get_by_text("20 / 22").wait_for()
    student.locator(".status").get_by_text("needs manual grading").wait_for()
    _shot(page, "09-formgrader-autograded")
    page.context.close()


def test_formgrader_shows_the_checks_and_takes_a_manual_grade(run):
    from nbgrader.api import Gradebook
    from playwright.sync_api import expect

    page, frame = _formgrader(run)
    _row(frame, A).locator(".num-submissions a").click()
    _row(frame, "alice").locator(".student-name a").click()
    frame.locator(".name a").get_by_text(NB, exact=True).click()
    derivation = frame.locator("input.score#derivation")
    derivation.wait_for()
    # the autograded test cells show their score and the checks' messages
    expect(frame.locator("input.score#test_sigmoid")).to_have_attribute("placeholder", "1")
    assert frame.get_by_text("visible tests passed").count() > 0
    # the notebook's maths drawn as MathML by the server: nothing to fetch from a CDN
    assert frame.locator("math").count() > 0
    derivation.fill("1.5")
    derivation.press("Tab")
    frame.locator(".nbgrader_cell").filter(has=derivation).locator(".score-saved").wait_for()
    _shot(page, "10-formgrader-manual-grade")
    with Gradebook(run.course.db_url(), run.course.course_id()) as gb:
        grade = gb.find_grade("derivation", NB, A, "alice")
        assert grade.manual_score == 1.5 and grade.score == 1.5
        submission = gb.find_submission(A, "alice")
        assert submission.score == 21.5
        # late (the due date passed), and nbgrader's default policy only records it
        assert submission.total_seconds_late > 0 and not submission.late_submission_penalty
    page.context.close()


def test_feedback_generated_released_and_read_by_the_student(run):
    page, frame = _formgrader(run)
    row = _row(frame, A)
    row.locator(".generate-feedback a").click()
    _confirm_log_modal(frame, "Successfully generated feedback")
    _row(frame, A).locator(".release-feedback a").click()
    _confirm_log_modal(frame, "Successfully released feedback")
    page.context.close()

    page = _assignments_tab(_page(run, run.student))
    submitted = page.locator("#submitted_assignments_list")
    submitted.get_by_role("button", name="Fetch Feedback").click()
    submitted.get_by_text("(view feedback)").first.wait_for()
    _shot(page, "11-student-feedback-fetched")
    html = list((run.alice / A / "feedback").glob(f"*/{NB}.html"))
    assert len(html) == 1
    rel = html[0].relative_to(run.alice)
    page.goto(f"{run.student.base}/lab/tree/{rel}?token={run.student.token}")
    view = page.frame_locator(".jp-HTMLViewer iframe")
    view.get_by_text("21.5 / 22").first.wait_for()
    # the written answer's grade, in its exercise's row of the page's summary (one row per exercise)
    view.locator("table.course-summary tr", has_text="graded by hand").get_by_text("1.5 / 2").first.wait_for()
    assert view.get_by_text("visible tests passed").count() > 0
    text = view.locator("body").inner_text()
    from course.grading.build import hidden_lines

    secret = hidden_lines(run.course.source / A / f"{NB}.ipynb", ("HIDDEN TESTS",))
    shown = {line.strip() for line in text.splitlines()}
    assert len(secret) > 10 and secret & shown == set()  # no line of a hidden test's source
    _shot(page, "12-student-reads-feedback")
    page.context.close()


def test_the_same_round_trip_on_the_command_line_with_a_late_penalty(run):
    """bob fetches and submits with nbgrader's commands; the instructor collects, grades, gives and
    releases feedback with `course`; a due date in the past and a zero-for-late policy zero his score."""
    from nbgrader.api import Gradebook

    course = run.course
    bob = setup_student(course, "bob")
    bob_env = {**run.env, "HOME": str(bob), "JUPYTER_CONFIG_DIR": str(bob / ".jupyter"),
               "JUPYTER_DATA_DIR": str(bob / ".local" / "share" / "jupyter")}

    def nbgrader(*args: str) -> str:
        done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=bob, env=bob_env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
        return done.stdout + done.stderr

    again = subprocess.run([str(BIN / "course"), "release", A], cwd=course.root, env=run.env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 2 and "already released: pass --force" in again.stderr, again.stderr
    assert "released" in _course_cli(run, "release", A, "--force")
    nbgrader("fetch_assignment", A)
    nbformat.write(solved(course), str(bob / A / f"{NB}.ipynb"))
    with open(course.root / "nbgrader_config.py", "a") as cfg:  # the due date (fixture) has passed
        cfg.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    nbgrader("submit", A)
    out = _course_cli(run, "collect", A, "--exchange")
    assert "bob" in out and "alice" in out
    out = _course_cli(run, "autograde", A, "--student", "bob")
    assert "GRADED" in out
    with Gradebook(course.db_url(), course.course_id()) as gb:
        sub = gb.find_submission(A, "bob")
        assert sub.total_seconds_late > 0
        assert sub.code_score == 20 and sub.late_submission_penalty == 20 and sub.score - sub.late_submission_penalty == 0
    _course_cli(run, "feedback", A, "--student", "bob")
    out = _course_cli(run, "release-feedback", A, "--student", "bob")
    assert "released to 1 student(s): bob" in out
    nbgrader("fetch_feedback", A)
    html = list((bob / A / "feedback").glob(f"*/{NB}.html"))
    assert len(html) == 1 and "visible tests passed" in html[0].read_text()
    # alice's manual grade counts in the score table
    table = _course_cli(run, "report", A)
    assert re.search(r"^alice\s.*21\.5", table, re.M), table


def test_course_lab_prints_its_address_serves_and_stops(run, tmp_path):
    """`./run lab` (course lab): 127.0.0.1, a token, the address printed; stopped, it stops Jupyter too."""
    import signal
    import urllib.error
    import urllib.request

    port = free_port(8950)
    proc = subprocess.Popen([str(BIN / "course"), "lab", "--port", str(port)], cwd=run.course.root, env=run.env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "Stop with Ctrl+C" in line:
                break
        out = "".join(lines)
        m = re.search(rf"http://127\.0\.0\.1:{port}/lab\?token=([0-9a-f]{{48}})", out)
        assert m, out
        assert "Formgrader: menu Nbgrader > Formgrader" in out and "warning" not in out.lower()
        token = m.group(1)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=10).close()
        with pytest.raises(urllib.error.HTTPError):  # nothing without the token
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents", timeout=10)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    with pytest.raises(OSError):  # Jupyter stopped with it
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=5)
