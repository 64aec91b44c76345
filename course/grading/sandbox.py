"""The sandbox every student kernel runs in when autograding.

A kernelspec (``course-sandbox``) whose argv is this module. Run by jupyter_client as root, it

1. puts itself in a cgroup (v1) with a memory cap and a process-count cap (``RLIMIT_AS`` would
   break ``import torch``, so a cgroup it is);
2. copies the notebook's folder (the kernel's working directory) to a scratch folder, so the
   kernel can write files without touching ``autograded/`` (a planted symlink there would
   otherwise be written through by nbgrader, as root);
3. starts bubblewrap: new network, PID, IPC and UTS namespaces; read-only binds of only what the
   kernel needs (the system's /usr, the Python installation, the virtual environment, the
   ``course`` package and the data root); the scratch copy at the working directory's path; the
   connection file passed in as data; a private /tmp and /dev/shm; the grader's record folder for
   the check helpers (``COURSE_RECORD_DIR``, emptied by the grader after every cell);
4. inside, drops to uid/gid 65534 with no capabilities and ``no_new_privs`` (``setpriv``),
   then runs ``python -m ipykernel_launcher`` with a clean environment.

So student code cannot see ``source/``, the gradebook, other students' folders or the instructor's
home, and cannot reach the network. The kernel speaks ZMQ over ``ipc`` sockets in a folder bound
into the sandbox (TCP cannot cross the network namespace); interrupts are sent as messages
(signals do not cross ``--new-session``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = [
    "KERNEL_NAME",
    "CGROUP_PARENT",
    "sandbox_problem",
    "install_kernelspec",
    "cgroup_name",
    "oom_killed",
    "pids_capped",
    "cleanup_cgroups",
]

KERNEL_NAME = "course-sandbox"
CGROUP_ROOT = Path("/sys/fs/cgroup")
CGROUP_PARENT = "course-sandbox"
NOBODY = 65534


def _python_prefixes() -> list[Path]:
    """The interpreter's installation and the virtual environment (deduplicated, existing)."""
    paths = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
    return sorted(p for p in paths if p.exists())


def _course_package() -> Path:
    return Path(__file__).resolve().parent.parent


def sandbox_problem() -> str | None:
    """Why the sandbox cannot be used on this machine, or None when it can."""
    if os.geteuid() != 0:
        return "the sandbox needs root (bubblewrap binds root-only paths, then drops to uid 65534)"
    for tool in ("bwrap", "setpriv"):
        if shutil.which(tool) is None:
            return f"`{tool}` is not installed (Debian: apt-get install bubblewrap util-linux)"
    for ctrl in ("memory", "pids"):
        if not (CGROUP_ROOT / ctrl).is_dir():
            return f"no cgroup v1 '{ctrl}' controller at {CGROUP_ROOT / ctrl}"
    probe = subprocess.run(
        ["bwrap", "--unshare-net", "--ro-bind", "/", "/", "true"], capture_output=True, text=True, timeout=30
    )
    if probe.returncode != 0:
        return f"bubblewrap does not start here: {probe.stderr.strip()}"
    return None


def install_kernelspec(
    dest: Path, *, memory_mb: int, max_pids: int, data_root: Path, scratch: Path, threads: int = 1
) -> Path:
    """Write the ``course-sandbox`` kernelspec under ``dest/kernels/``; returns ``dest``.

    Put ``dest`` on ``JUPYTER_PATH`` (and set ``kernel_name``) to use it.
    """
    spec_dir = dest / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-m", "course.grading.sandbox", "{connection_file}"],
        "display_name": "Python 3 (course sandbox)",
        "language": "python",
        "interrupt_mode": "message",
        "env": {
            "COURSE_SANDBOX_MEMORY_MB": str(memory_mb),
            "COURSE_SANDBOX_PIDS": str(max_pids),
            "COURSE_SANDBOX_DATA": str(Path(data_root).resolve()),
            "COURSE_SANDBOX_THREADS": str(threads),
            "COURSE_SANDBOX_SCRATCH": str(scratch),
        },
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    return dest


def cgroup_name(connection_file: str | os.PathLike) -> str:
    """The cgroup of the kernel with this connection file (``kernel-<id>``)."""
    return Path(connection_file).stem


def _join_cgroups(name: str, memory_mb: int, max_pids: int) -> None:
    mem = CGROUP_ROOT / "memory" / CGROUP_PARENT / name
    pids = CGROUP_ROOT / "pids" / CGROUP_PARENT / name
    for d in (mem, pids):
        d.mkdir(parents=True, exist_ok=True)
    limit = str(memory_mb * 2**20)
    (mem / "memory.limit_in_bytes").write_text(limit)
    swap = mem / "memory.memsw.limit_in_bytes"
    if swap.exists():
        try:
            swap.write_text(limit)
        except OSError:
            pass
    (pids / "pids.max").write_text(str(max_pids))
    for d in (mem, pids):
        (d / "cgroup.procs").write_text(str(os.getpid()))


def pids_capped(connection_file: str | os.PathLike) -> bool:
    """True when the kernel's processes hit the process-count cap (a fork bomb, say)."""
    d = CGROUP_ROOT / "pids" / CGROUP_PARENT / cgroup_name(connection_file)
    try:
        for line in (d / "pids.events").read_text().splitlines():
            if line.startswith("max ") and int(line.split()[1]) > 0:
                return True
    except OSError:
        pass
    return False


def oom_killed(connection_file: str | os.PathLike) -> bool:
    """True when the kernel's memory cgroup hit its limit (the OOM killer's doing)."""
    d = CGROUP_ROOT / "memory" / CGROUP_PARENT / cgroup_name(connection_file)
    try:
        control = (d / "memory.oom_control").read_text()
        for line in control.splitlines():
            if line.startswith("oom_kill ") and int(line.split()[1]) > 0:
                return True
        return int((d / "memory.failcnt").read_text()) > 0
    except OSError:
        return False


def cleanup_cgroups() -> None:
    """Remove the (empty) cgroups left by finished kernels."""
    for ctrl in ("memory", "pids"):
        parent = CGROUP_ROOT / ctrl / CGROUP_PARENT
        if parent.is_dir():
            for d in parent.iterdir():
                if d.is_dir():
                    try:
                        d.rmdir()
                    except OSError:
                        pass


def _scratch_copy(workdir: Path) -> Path:
    """A copy of the regular files of ``workdir`` (no symlinks) that uid 65534 may write."""
    base = os.environ.get("COURSE_SANDBOX_SCRATCH") or None
    if base:
        Path(base).mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="course-scratch-", dir=base))
    for path in workdir.rglob("*"):
        rel = path.relative_to(workdir)
        if path.is_symlink():
            continue
        if path.is_dir():
            (scratch / rel).mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, scratch / rel)
    for path in [scratch, *scratch.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    return scratch


def _parents(path: Path) -> list[str]:
    """bwrap arguments creating each missing parent of ``path`` as a 0755 directory."""
    args: list[str] = []
    for parent in reversed(path.parents):
        if str(parent) != "/":
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _bwrap_command(connection_file: Path, conn_fd: int, workdir: Path, scratch: Path, ipc_dir: Path) -> list[str]:
    data_root = Path(os.environ["COURSE_SANDBOX_DATA"])
    threads = os.environ.get("COURSE_SANDBOX_THREADS", "1")
    cmd = [
        "bwrap",
        "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
        "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
        "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
        "--ro-bind", "/etc/passwd", "/etc/passwd", "--ro-bind", "/etc/group", "/etc/group",
        "--proc", "/proc", "--dev", "/dev",
        "--perms", "1777", "--tmpfs", "/tmp", "--perms", "1777", "--tmpfs", "/dev/shm",
    ]
    binds = [*_python_prefixes(), _course_package()]
    if data_root.is_dir():
        binds.append(data_root)
    for path in binds:
        cmd += _parents(path) + ["--ro-bind", str(path), str(path)]
    cmd += _parents(ipc_dir) + ["--bind", str(ipc_dir), str(ipc_dir)]
    record_dir = os.environ.get("COURSE_RECORD_DIR")
    if record_dir and Path(record_dir).is_dir() and not Path(record_dir).is_symlink():
        # the check helpers' records: the grader moves them out after every cell
        cmd += _parents(Path(record_dir)) + ["--bind", record_dir, record_dir]
    cmd += _parents(workdir) + ["--bind", str(scratch), str(workdir), "--chdir", str(workdir)]
    cmd += _parents(connection_file) + ["--perms", "0444", "--ro-bind-data", str(conn_fd), str(connection_file)]
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(workdir),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "NBGRADER_EXECUTION": os.environ.get("NBGRADER_EXECUTION", "autograde"),
        "COURSE_DATA": str(data_root),
        "OMP_NUM_THREADS": threads,
        "MKL_NUM_THREADS": threads,
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if record_dir:
        env["COURSE_RECORD_DIR"] = record_dir
    cmd += ["--clearenv"]
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    cmd += [
        "setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs",
        sys.executable, "-m", "ipykernel_launcher", "-f", str(connection_file),
        "--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR",
    ]
    return cmd


def main(argv: list[str]) -> int:
    """Kernel launcher: ``python -m course.grading.sandbox CONNECTION_FILE``."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanup below on terminate
    connection_file = Path(argv[0]).resolve()
    info = json.loads(connection_file.read_text())
    if info.get("transport") != "ipc":
        print("course-sandbox: the kernel must use the ipc transport (KernelManager.transport = 'ipc')", file=sys.stderr)
        return 2
    ipc_dir = Path(info["ip"]).resolve().parent
    ipc_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(ipc_dir, 0o1777)
    _join_cgroups(cgroup_name(connection_file), int(os.environ["COURSE_SANDBOX_MEMORY_MB"]),
                  int(os.environ["COURSE_SANDBOX_PIDS"]))
    workdir = Path.cwd().resolve()
    scratch = _scratch_copy(workdir)
    read_fd = os.open(connection_file, os.O_RDONLY)
    try:
        cmd = _bwrap_command(connection_file, read_fd, workdir, scratch, ipc_dir)
        proc = subprocess.Popen(cmd, pass_fds=(read_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(read_fd)
        read_fd = -1
        return proc.wait()
    finally:
        if read_fd >= 0:
            os.close(read_fd)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
