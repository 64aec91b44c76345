"""Every way of autograding is the safe one: plain ``nbgrader autograde`` and Formgrader's autograde
button get the sandbox and the trusted verdict from ``nbgrader_config.py``, as ``course autograde`` does;
without the sandbox each of them refuses with one clear message, and the opt-outs work."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from answer_harness import splice

from course.grading.build import build
from course.grading.coursedir import Course
from course.grading.nbtext import from_text
from course.grading.sandbox import sandbox_problem

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.xdist_group("entry-points"),
    pytest.mark.skipif(sandbox_problem() is not None, reason=f"no sandbox here: {sandbox_problem()}"),
]


class Listener:
    """A TCP listener on the host's 127.0.0.1: any connection from a student kernel is an escape."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.connections += 1
                conn.close()
            except OSError:
                continue

    def close(self) -> None:
        self._stop = True
        self.thread.join(timeout=5)
        self.sock.close()


def _attack(root: Path, port: int) -> str:
    """A square cell that scores full marks only if it reaches nothing it must not reach."""
    return (
        "import os, socket\n\nreached = []\n"
        "if os.getuid() != 65534:\n    reached.append('not uid 65534')\n"
        f"for path in ({str(root / 'source' / 'adv' / 'adv.ipynb')!r},):\n"
        "    try:\n        open(path).read(1)\n        reached.append('read ' + path)\n    except OSError:\n        pass\n"
        f"try:\n    open({str(root / 'gradebook.db')!r}, 'ab').close()\n    reached.append('gradebook writable')\n"
        "except OSError:\n    pass\n"
        f"try:\n    socket.create_connection(('127.0.0.1', {port}), timeout=2).close()\n    reached.append('network')\n"
        "except OSError:\n    pass\n\n\n"
        "def square(x):\n    return x * x if not reached else x + 1\n"
    )


DISABLE = ("ip = get_ipython()\n\n\ndef disable(lines):\n"
           "    return ['pass\\n'] if 'check_close' in ''.join(lines) else lines\n\n\n"
           "ip.input_transformers_cleanup.append(disable)\n\n\ndef square(x):\n    return x + 1")


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("entry") / "course"
    (root / "source" / "adv").mkdir(parents=True)
    config = (REPO / "nbgrader_config.py").read_text() + "\nc.Execute.timeout = 20\n"
    (root / "nbgrader_config.py").write_text(config)
    nbformat.write(from_text((HERE / "adversarial" / "adv.txt").read_text()), str(root / "source" / "adv" / "adv.ipynb"))
    course = Course(root)
    build(course, ["adv"])
    listener = Listener()
    sol = nbformat.read(root / "source" / "adv" / "adv.ipynb", as_version=4)
    for student, nb in (("attacker", splice(sol, {"square": _attack(root, listener.port)})),
                        ("attacker-ui", splice(sol, {"square": _attack(root, listener.port)})),
                        ("disabled", splice(sol, {"square": DISABLE})), ("control", sol)):
        dest = course.submitted / student / "adv"
        dest.mkdir(parents=True)
        nbformat.write(nb, str(dest / "adv.ipynb"))
        (dest / "json.py").write_text("open('/root/course-entry-host-code-ran', 'w')\n")
    yield course, listener
    listener.close()
    shutil.rmtree(root, ignore_errors=True)


def _env(**extra) -> dict:
    env = {**os.environ, "PATH": f"{BIN}:{os.environ.get('PATH', '')}", **extra}
    env.pop("COURSE_RECORD_DIR", None)
    return env


def _grades(course: Course, student: str) -> dict[str, float]:
    from course.grading.report import collect_grades

    return {r.cell: r.score for r in collect_grades(course, ["adv"]) if r.student == student}


def test_plain_nbgrader_autograde_is_sandboxed_and_judged_outside(course_dir):
    course, listener = course_dir
    gradebook_before = course.gradebook_path.read_bytes()
    for student in ("attacker", "disabled"):
        done = subprocess.run([str(BIN / "nbgrader"), "autograde", "adv", "--student", student, "--force"],
                              cwd=course.root, env=_env(), capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert _grades(course, "attacker") == {"test_double": 1.0, "test_square": 2.0, "test_cube": 1.0}
    # a disabled test scores zero: the verdict outside the kernel found no record of its checks
    assert _grades(course, "disabled") == {"test_double": 1.0, "test_square": 0.0, "test_cube": 0.0}
    assert listener.connections == 0
    assert not Path("/root/course-entry-host-code-ran").exists()
    assert course.gradebook_path.read_bytes() != gradebook_before  # the grader wrote it, the student could not
    graded = nbformat.read(course.autograded / "attacker" / "adv" / "adv.ipynb", as_version=4)
    test_outputs = [o for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_square"
                    for o in c.outputs]
    assert "All 2 checks passed" in test_outputs[0]["text"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(course_dir):
    course, _ = course_dir
    port, token = _free_port(), "entry-points-token"
    log = open(course.root.parent / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(BIN / "jupyter"), "server", "--ip=127.0.0.1", f"--port={port}", "--no-browser", "--allow-root",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={course.root}"],
        cwd=course.root, env=_env(), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("jupyter server did not start: " + (course.root.parent / "server.log").read_text()[-2000:])
        yield url, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def _post(url: str, token: str, timeout: int = 900) -> dict:
    req = urllib.request.Request(url, data=b"", method="POST", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def test_formgrader_autograde_button_is_sandboxed(course_dir, server):
    course, listener = course_dir
    url, token = server
    result = _post(f"{url}/formgrader/api/submission/adv/attacker-ui/autograde", token)
    assert result["success"], result.get("log", "")[-2000:]
    assert _grades(course, "attacker-ui") == {"test_double": 1.0, "test_square": 2.0, "test_cube": 1.0}
    assert listener.connections == 0
    # Generate Feedback: nothing runs, no hidden-test source is shown
    feedback = _post(f"{url}/formgrader/api/assignment/adv/attacker-ui/generate_feedback", token)
    assert feedback["success"], feedback.get("log", "")[-2000:]
    page = (course.feedback / "attacker-ui" / "adv" / "adv.html").read_text()
    assert "square(-0.5)" not in page and "BEGIN HIDDEN TESTS" not in page and "All 2 checks passed" in page


def _path_without_bwrap(tmp_path: Path) -> str:
    shadow = tmp_path / "bin"
    shadow.mkdir()
    for folder in ("/usr/local/bin", "/usr/bin", "/bin"):
        for tool in Path(folder).iterdir() if Path(folder).is_dir() else []:
            if tool.name != "bwrap" and not (shadow / tool.name).exists():
                (shadow / tool.name).symlink_to(tool)
    return f"{BIN}:{shadow}"


def test_without_the_sandbox_every_entry_point_refuses_and_the_opt_outs_work(course_dir, tmp_path):
    course, _ = course_dir
    env = _env(PATH=_path_without_bwrap(tmp_path))
    plain = subprocess.run([str(BIN / "nbgrader"), "autograde", "adv", "--student", "control", "--force"],
                           cwd=course.root, env=env, capture_output=True, text=True, timeout=900)
    said = plain.stdout + plain.stderr
    assert plain.returncode != 0 and "cannot run student code in the course sandbox" in said, said[-3000:]
    assert "`bwrap` is not installed" in said and "c.RobustExecute.sandbox = False" in said
    ours = subprocess.run([str(BIN / "course"), "-q", "autograde", "adv", "--student", "control"],
                          cwd=course.root, env=env, capture_output=True, text=True, timeout=900)
    assert ours.returncode != 0 and "`bwrap` is not installed" in ours.stdout + ours.stderr
    assert "--no-sandbox" in ours.stdout + ours.stderr
    opted = subprocess.run([str(BIN / "nbgrader"), "autograde", "adv", "--student", "control", "--force",
                            "--RobustExecute.sandbox=False"], cwd=course.root, env=env, capture_output=True, text=True,
                           timeout=900)
    assert opted.returncode == 0, opted.stderr[-3000:]
    assert _grades(course, "control") == {"test_double": 1.0, "test_square": 2.0, "test_cube": 1.0}
    ours = subprocess.run([str(BIN / "course"), "-q", "autograde", "adv", "--student", "control", "--no-sandbox"],
                          cwd=course.root, env=env, capture_output=True, text=True, timeout=900)
    assert ours.returncode == 0, ours.stdout[-2000:] + ours.stderr[-2000:]
    assert "WARNING: --no-sandbox" in ours.stdout + ours.stderr
