"""``course lab``: JupyterLab on this machine, for the instructor or for one student, with nbgrader.

The instructor's server runs in the course folder, so nbgrader's extensions (installed and enabled
with nbgrader from ``requirements.txt``) read the course's ``nbgrader_config.py``: *Formgrader*
(menu Nbgrader), the *Create Assignment* sidebar, the *Assignments* list and the notebooks'
*Validate* button.

A student's server (``--student NAME``) runs in ``students/NAME/``, which is also its ``HOME``, as a
separate account would: a small ``nbgrader_config.py`` in ``students/NAME/.jupyter/`` names the
course's exchange, the course id and the student id (everyone is the same user on one machine), and
Formgrader and the *Create Assignment* sidebar are switched off there, as for students on a hub.

Both listen on 127.0.0.1 only, behind a random token; Jupyter's own log goes to a file.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["STUDENT_DISABLED", "LabServer", "lab_server", "run_lab", "setup_student", "student_home"]

#: JupyterLab plugins a student does not get (the instructor's tools)
STUDENT_DISABLED = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"]
#: JupyterLab plugins nobody needs here (news and update checks: the course runs offline)
QUIET_DISABLED = ["@jupyterlab/apputils-extension:announcements"]


@dataclass
class LabServer:
    """How to start one JupyterLab server: command, environment, folder, and where it will answer."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path
    port: int
    token: str
    log: Path
    student: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base}/lab?token={self.token}"

    def start(self) -> subprocess.Popen:
        """Start the server (its log goes to :attr:`log`); :meth:`wait_ready` waits for it."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as out:
            return subprocess.Popen(self.argv, cwd=self.cwd, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL)

    def wait_ready(self, proc: subprocess.Popen, timeout: float = 120) -> None:
        """Return once the server answers; raise RuntimeError with its log if it stops or never answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped (exit code {proc.returncode}):\n{self._log_tail()}")
            try:
                urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2).close()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""


def student_home(course: Course, student: str) -> Path:
    """The folder of ``student`` on this machine: their Jupyter root and their ``HOME``."""
    return course.root / "students" / student


def _valid_student(student: str) -> str:
    if not student or student.startswith(".") or any(ch in student for ch in "/\\+*: \t\n"):
        raise ValueError(f"not a usable student id: {student!r} (no spaces, slashes, '+', '*' or ':')")
    return student


def setup_student(course: Course, student: str, home: Path | None = None) -> Path:
    """Write the Jupyter configuration of ``student`` on this machine; returns their home folder."""
    from course.grading.exchange import exchange_root

    home = Path(home or student_home(course, _valid_student(student)))
    config = home / ".jupyter"
    (config / "labconfig").mkdir(parents=True, exist_ok=True)
    (config / "nbgrader_config.py").write_text(
        '"""nbgrader for one student of the course on this machine (written by `course lab --student`)."""\n\n'
        "c = get_config()  # noqa: F821\n"
        f"c.Exchange.root = {str(exchange_root(course))!r}\n"
        f"c.CourseDirectory.course_id = {course.course_id()!r}\n"
        "# everyone is the same user on one machine: name the student explicitly\n"
        f"c.CourseDirectory.student_id = {student!r}\n"
        'c.KernelManager.transport_encryption = "auto"\n'
    )
    disabled = {name: True for name in STUDENT_DISABLED + QUIET_DISABLED}
    (config / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": disabled}, indent=1))
    (config / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": False}}}, indent=1))
    return home


def free_port(start: int = 8888, tries: int = 100) -> int:
    """The first port from ``start`` that nothing listens on at 127.0.0.1."""
    for port in range(start, start + tries):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {start}..{start + tries - 1}")


def lab_server(
    course: Course,
    *,
    student: str | None = None,
    port: int | None = None,
    token: str | None = None,
    home: Path | None = None,
    env: dict[str, str] | None = None,
) -> LabServer:
    """The JupyterLab server of the instructor (``student=None``) or of ``student``.

    ``home`` moves a student's folder (default ``students/<student>/``); ``env`` replaces
    ``os.environ`` as the base environment.
    """
    bindir = Path(sys.executable).parent
    base_env = dict(os.environ if env is None else env)
    base_env["PATH"] = os.pathsep.join([str(bindir), base_env.get("PATH", "")])
    base_env.pop("JUPYTER_TOKEN", None)
    port = port or free_port()
    token = token or secrets.token_hex(24)
    if student is None:
        cwd = course.root
        log = course.root / ".course" / "lab.log"
        notes = ["Formgrader: menu Nbgrader > Formgrader; the Create Assignment sidebar: Nbgrader > Create Assignment",
                 "try the student side on this machine: course lab --student NAME (another terminal)"]
        quiet = course.root / ".course" / "jupyter"  # extra config dir, below the instructor's own
        (quiet / "labconfig").mkdir(parents=True, exist_ok=True)
        (quiet / "labconfig" / "page_config.json").write_text(
            json.dumps({"disabledExtensions": {name: True for name in QUIET_DISABLED}}, indent=1))
        base_env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            p for p in [str(quiet), base_env.get("JUPYTER_CONFIG_PATH", "")] if p)
    else:
        cwd = setup_student(course, student, home)
        log = cwd / ".jupyter" / "lab.log"
        base_env.update({
            "HOME": str(cwd),
            "USER": student,
            "LOGNAME": student,
            "JUPYTER_CONFIG_DIR": str(cwd / ".jupyter"),
            "JUPYTER_DATA_DIR": str(cwd / ".local" / "share" / "jupyter"),
            "JUPYTER_RUNTIME_DIR": str(cwd / ".local" / "share" / "jupyter" / "runtime"),
        })
        notes = ["Assignments: menu Nbgrader > Assignment List (Fetch, Submit, Fetch Feedback); "
                 "Validate: the notebook's toolbar"]
    argv = [
        str(bindir / "jupyter-lab"), "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={cwd}",
        "--KernelManager.transport_encryption=auto",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.append("--allow-root")
    return LabServer(argv=argv, env=base_env, cwd=cwd, port=port, token=token, log=log, student=student, notes=notes)


def run_lab(course: Course, *, student: str | None = None, port: int | None = None) -> int:
    """Start JupyterLab, print its address, and serve until Ctrl+C."""
    import signal

    def _stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)  # stopped from outside: stop the server too
    server = lab_server(course, student=student, port=port)
    proc = server.start()
    try:
        server.wait_ready(proc)
        who = f"student {student} (folder {server.cwd})" if student else f"the instructor (course folder {course.root})"
        print(f"JupyterLab for {who}:\n\n    {server.url}\n")
        for note in server.notes:
            print(note)
        print(f"Jupyter's log: {server.log}. Stop with Ctrl+C.")
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
