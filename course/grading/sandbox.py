"""The sandbox every student kernel runs in when autograding.

:class:`course.grading.execute.RobustExecute` prepares, for each kernel, a private *run folder*
(root-owned, mode 0700) holding ``sandbox.json`` (the limits, the notebook's folder, the data root),
a kernelspec, the kernel's own ipc folder and its own record folder (a size-capped tmpfs owned by uid
65534). The kernelspec starts this module isolated, from the run folder (``python -I -m
course.grading.sandbox --run RUN CONNECTION_FILE``: nothing in the student's folder is ever imported
by this launcher, which runs as root). The launcher

1. checks the run folder (a directory, not a link, owned by root, private), then reads its
   ``sandbox.json`` and the connection file without following links; the connection file's ipc
   address must be inside the run's own ipc folder, which must be the directory the grader made
   (owned by uid 65534, not a link): nothing is resolved through a folder the student can write, and
   nothing is ever made world-writable;
2. puts itself in a cgroup (v1) with a memory cap and a process-count cap (``RLIMIT_AS`` would break
   ``import torch``, so a cgroup it is); every tmpfs the kernel writes is charged to it;
3. starts bubblewrap: new network, PID, IPC and UTS namespaces; read-only binds of only what the kernel
   needs (the system's /usr, the Python installation, the virtual environment, the ``course`` package,
   the data root, the fonts); the notebook's folder as a size-capped tmpfs holding copies of its
   top-level regular files (so the kernel can write there without touching ``autograded/``, and cannot
   fill the host's disk); a private, size-capped /tmp and /dev/shm; the connection file passed in as
   data; the run's ipc and record folders;
4. inside, drops to uid/gid 65534 with no capabilities and ``no_new_privs`` (``setpriv``), then runs
   ``python -m ipykernel_launcher`` with a clean environment.

So student code cannot see ``source/``, the gradebook, other students' folders or the instructor's
home, and cannot reach the network. The kernel speaks ZMQ over ``ipc`` sockets (TCP cannot cross the
network namespace); interrupts are sent as messages (signals do not cross ``--new-session``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

__all__ = [
    "KERNEL_NAME",
    "CGROUP_PARENT",
    "NOBODY",
    "sandbox_problem",
    "write_kernelspec",
    "oom_killed",
    "pids_capped",
    "cleanup_cgroup",
]

KERNEL_NAME = "course-sandbox"
CGROUP_ROOT = Path("/sys/fs/cgroup")
CGROUP_PARENT = "course-sandbox"
NOBODY = 65534
#: top-level files of the notebook's folder copied into the sandbox: at most this many, this large
MAX_WORK_FILES = 64
MAX_WORK_FILE_BYTES = 20 * 2**20


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
    try:
        probe = subprocess.run(
            ["bwrap", "--unshare-net", "--ro-bind", "/", "/", "true"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap does not start here: {exc}"
    if probe.returncode != 0:
        return f"bubblewrap does not start here: {probe.stderr.strip()}"
    return None


def write_kernelspec(run: Path, settings: dict) -> Path:
    """Write ``sandbox.json`` and the ``course-sandbox`` kernelspec into the run folder ``run``.

    Returns the folder to use as a kernelspec directory (``run/kernels``).
    """
    cfg = run / "sandbox.json"
    fd = os.open(cfg, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(settings, fh)
    spec_dir = run / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-I", "-m", "course.grading.sandbox", "--run", str(run), "{connection_file}"],
        "display_name": "Python 3 (course sandbox)",
        "language": "python",
        "interrupt_mode": "message",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    return run / "kernels"


def _cgroup_dirs(name: str) -> tuple[Path, Path]:
    return CGROUP_ROOT / "memory" / CGROUP_PARENT / name, CGROUP_ROOT / "pids" / CGROUP_PARENT / name


def _join_cgroups(name: str, memory_mb: int, max_pids: int) -> None:
    mem, pids = _cgroup_dirs(name)
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


def pids_capped(name: str) -> bool:
    """True when the processes of the kernel with cgroup ``name`` hit the process-count cap."""
    _, d = _cgroup_dirs(name)
    try:
        for line in (d / "pids.events").read_text().splitlines():
            if line.startswith("max ") and int(line.split()[1]) > 0:
                return True
    except OSError:
        pass
    return False


def oom_killed(name: str) -> bool:
    """True when the memory cgroup ``name`` hit its limit (the OOM killer's doing)."""
    d, _ = _cgroup_dirs(name)
    try:
        control = (d / "memory.oom_control").read_text()
        for line in control.splitlines():
            if line.startswith("oom_kill ") and int(line.split()[1]) > 0:
                return True
        return int((d / "memory.failcnt").read_text()) > 0
    except OSError:
        return False


def cleanup_cgroup(name: str) -> None:
    """Remove the (empty) cgroups of a finished kernel."""
    for d in _cgroup_dirs(name):
        try:
            d.rmdir()
        except OSError:
            pass


class SandboxRefused(RuntimeError):
    """The launcher found something it must not trust."""


def _lstat_dir(path: Path, owner: int, private: bool) -> None:
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise SandboxRefused(f"{path} is not a directory")
    if info.st_uid != owner:
        raise SandboxRefused(f"{path} is not owned by uid {owner}")
    if private and info.st_mode & 0o077:
        raise SandboxRefused(f"{path} is not private")


def _read_nofollow(path: Path, limit: int = 2**20) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SandboxRefused(f"{path} is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit)
    finally:
        os.close(fd)


def _work_files(workdir: Path) -> list[tuple[str, int]]:
    """Open the top-level regular files of the notebook's folder: ``(name, fd)`` pairs (capped)."""
    out: list[tuple[str, int]] = []
    try:
        entries = sorted(os.scandir(workdir), key=lambda e: e.name)
    except OSError:
        return out
    for entry in entries:
        if len(out) >= MAX_WORK_FILES:
            break
        if entry.name in (".", "..") or "/" in entry.name or not entry.is_file(follow_symlinks=False):
            continue
        try:
            fd = os.open(entry.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_WORK_FILE_BYTES:
            os.close(fd)
            continue
        out.append((entry.name, fd))
    return out


def _parents(path: Path) -> list[str]:
    """bwrap arguments creating each missing parent of ``path`` as a 0755 directory."""
    args: list[str] = []
    for parent in reversed(path.parents):
        if str(parent) != "/":
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _bwrap_command(cfg: dict, connection_file: Path, conn_fd: int, files: list[tuple[str, int]]) -> list[str]:
    workdir = Path(cfg["workdir"])
    data_root = Path(cfg["data_root"])
    threads = str(int(cfg.get("threads", 1)))
    disk = str(int(cfg.get("disk_mb", 1024)) * 2**20)
    cmd = [
        "bwrap",
        "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
        "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
        "--perms", "0755", "--dir", "/etc",  # bwrap would make it 0700: uid 65534 could then read nothing in it
        "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache",
        "--ro-bind", "/etc/passwd", "/etc/passwd", "--ro-bind", "/etc/group", "/etc/group",
        "--proc", "/proc", "--dev", "/dev",
        "--perms", "1777", "--size", disk, "--tmpfs", "/tmp",
        "--perms", "1777", "--size", disk, "--tmpfs", "/dev/shm",
    ]
    if Path("/etc/fonts").is_dir():
        cmd += ["--ro-bind", "/etc/fonts", "/etc/fonts"]  # matplotlib's fontconfig, or it warns
    binds = [*_python_prefixes(), _course_package()]
    if data_root.is_dir():
        binds.append(data_root)
    for path in binds:
        cmd += _parents(path) + ["--ro-bind", str(path), str(path)]
    ipc_dir = Path(cfg["ipc_dir"])
    cmd += _parents(ipc_dir) + ["--bind", str(ipc_dir), str(ipc_dir)]
    record_dir = cfg.get("record_dir")
    if record_dir:
        cmd += _parents(Path(record_dir)) + ["--bind", record_dir, record_dir]
    cmd += _parents(workdir) + ["--perms", "0777", "--size", disk, "--tmpfs", str(workdir)]
    for name, fd in files:
        cmd += ["--perms", "0666", "--file", str(fd), str(workdir / name)]
    cmd += ["--chdir", str(workdir)]
    cmd += _parents(connection_file) + ["--perms", "0444", "--ro-bind-data", str(conn_fd), str(connection_file)]
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(workdir),
        "LANG": "C.UTF-8",
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "NBGRADER_EXECUTION": "autograde",
        "COURSE_DATA": str(data_root),
        "OMP_NUM_THREADS": threads,
        "MKL_NUM_THREADS": threads,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONWARNINGS": "ignore::DeprecationWarning",
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


def _prepare(run: Path, connection_file: Path) -> tuple[dict, dict]:
    _lstat_dir(run, os.geteuid(), private=True)
    cfg = json.loads(_read_nofollow(run / "sandbox.json"))
    info = json.loads(_read_nofollow(connection_file))
    if info.get("transport") != "ipc":
        raise SandboxRefused("the kernel must use the ipc transport")
    ipc_dir = Path(cfg["ipc_dir"])
    if Path(str(info.get("ip", ""))).parent != ipc_dir or ipc_dir.parent != run:
        raise SandboxRefused("the kernel's ipc address is not in its own ipc folder")
    _lstat_dir(ipc_dir, NOBODY, private=True)
    if cfg.get("record_dir"):
        record_dir = Path(cfg["record_dir"])
        if record_dir.parent != run:
            raise SandboxRefused("the record folder is not in the run folder")
        _lstat_dir(record_dir, NOBODY, private=True)
    return cfg, info


def main(argv: list[str]) -> int:
    """Kernel launcher: ``python -I -m course.grading.sandbox --run RUN CONNECTION_FILE``."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # jupyter_client appends the executor's extra_arguments (kernel options): the launcher sets its own
    if len(argv) < 3 or argv[0] != "--run":
        print("usage: python -I -m course.grading.sandbox --run RUN CONNECTION_FILE", file=sys.stderr)
        return 2
    run, connection_file = Path(os.path.abspath(argv[1])), Path(os.path.abspath(argv[2]))
    try:
        cfg, _info = _prepare(run, connection_file)
    except (SandboxRefused, OSError, ValueError, KeyError) as exc:
        print(f"course-sandbox: refused: {exc}", file=sys.stderr)
        debug = os.environ.get("COURSE_SANDBOX_DEBUG")
        if debug:
            with open(debug, "a") as fh:
                print(f"course-sandbox: refused: {exc}", file=fh)
        return 2
    os.chdir(run)
    _join_cgroups(str(cfg["cgroup"]), int(cfg["memory_mb"]), int(cfg["max_pids"]))
    files = _work_files(Path(cfg["workdir"]))
    read_fd = os.open(connection_file, os.O_RDONLY | os.O_NOFOLLOW)
    fds = [read_fd, *(fd for _, fd in files)]
    try:
        cmd = _bwrap_command(cfg, connection_file, read_fd, files)
        debug = os.environ.get("COURSE_SANDBOX_DEBUG")  # a file to append bubblewrap's and the kernel's stderr to
        err = open(debug, "ab") if debug else subprocess.DEVNULL  # noqa: SIM115
        proc = subprocess.Popen(cmd, pass_fds=fds, stdout=subprocess.DEVNULL, stderr=err)
        for fd in fds:
            os.close(fd)
        fds = []
        return proc.wait()
    finally:
        for fd in fds:
            os.close(fd)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
