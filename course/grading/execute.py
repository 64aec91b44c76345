"""Autograde steps that keep a submission's grades whatever its code does.

:class:`RobustExecute` replaces nbgrader's ``Execute`` in ``nbgrader_config.py``, so every entry point
(``course autograde``, ``nbgrader autograde``, Formgrader's button) runs it. Each kernel gets a private
run folder (root-owned, 0700) with its own kernelspec, ipc sockets, record folder (a size-capped tmpfs)
and cgroup, and runs in the sandbox of :mod:`course.grading.sandbox`; where the sandbox cannot be set
up it refuses with :class:`SandboxUnavailable`, unless ``c.RobustExecute.sandbox = False`` (code you
trust only). Stock nbgrader runs the whole notebook in one call; on any exception (a dead kernel, an
unresponsive one, a lost iopub message) its converter deletes that student's autograded folder and
records no grades. Here cells run one by one, and:

* a cell that exceeds the per-cell timeout gets nbgrader's timeout error and the notebook goes on
  (TIMEOUT); a kernel that then does not answer a ``kernel_info`` request (it ignores interrupts) is
  stopped and the rest of the notebook is not run;
* past the wall-clock cap for the whole notebook, the remaining cells are not run (TIMEOUT);
* if the kernel dies (``os._exit``, a segfault, the memory cap), that cell records it and the
  remaining cells are not run (KERNEL DIED, OOM);
* output is counted whole (every field of every message), per cell and per notebook, and no
  message over the cap is accepted on any channel (OUTPUT CAPPED);
* a cell that was never run gets an error output saying why, so a test cell that never ran
  scores zero (nbgrader would otherwise give full marks to a test cell without output).

With ``record_checks`` (the default), the kernel's record folder is emptied after every cell
(:func:`course.grading.verdict.harvest`, with size caps per record, cell and notebook) and the
records of each test cell are kept, per test cell, in ``resources["course_records"]`` for
:class:`course.grading.verdict.TrustedVerdict`.

The grades of the cells that did run are kept. What happened is recorded per notebook in
:data:`FAULTS` (read by the batch runner for its report).

:class:`RestoreMissingCells` is nbgrader's ``OverwriteCells`` with the whole nbgrader metadata of
known cells restored from the gradebook, unknown graded cells made ordinary, and missing test cells
put back, also when the cell before a deleted test is a locked cell that is not graded (stock
nbgrader raises ``KeyError`` there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, OverwriteCells
from traitlets import Bool, Enum, Integer, Unicode

from course.grading.text import clean_line

__all__ = ["FAULTS", "TIMINGS", "Fault", "RestoreMissingCells", "RobustExecute", "SandboxUnavailable", "add_timing",
           "fault_key", "take_faults", "take_timings"]


@dataclass(frozen=True)
class Fault:
    """Something that went wrong while running a notebook."""

    kind: str  # TIMEOUT, KERNEL DIED, OUTPUT CAPPED, ...
    notebook: str
    cell: int | None
    message: str

    def __str__(self) -> str:
        where = f" at cell {self.cell}" if self.cell is not None else ""
        return f"{self.kind} in {self.notebook}{where}: {self.message}"


#: faults per notebook path, filled by RobustExecute, emptied by :func:`take_faults`
FAULTS: dict[str, list[Fault]] = {}
#: seconds per phase (kernel start, cells, harvest, teardown, verdict) per notebook path, like FAULTS
TIMINGS: dict[str, dict[str, float]] = {}


def add_timing(key: str, phase: str, seconds: float) -> None:
    """Count ``seconds`` towards ``phase`` of the notebook ``key`` (see :func:`fault_key`)."""
    if key not in TIMINGS and len(TIMINGS) >= 1000:  # nobody takes them (plain nbgrader, Formgrader): stay small
        TIMINGS.clear()
    phases = TIMINGS.setdefault(key, {})
    phases[phase] = phases.get(phase, 0.0) + seconds


def take_timings(prefix: str = "") -> dict[str, float]:
    """Remove and return the phase timings of notebooks whose path starts with ``prefix``, summed."""
    out: dict[str, float] = {}
    for key in [k for k in TIMINGS if k.startswith(prefix)]:
        for phase, seconds in TIMINGS.pop(key).items():
            out[phase] = out.get(phase, 0.0) + seconds
    return out


def take_faults(prefix: str = "") -> list[Fault]:
    """Remove and return the faults recorded for notebooks whose path starts with ``prefix``."""
    out: list[Fault] = []
    for key in sorted(k for k in FAULTS if k.startswith(prefix)):
        out += FAULTS.pop(key)
    return out


def fault_key(resources: dict) -> str:
    """The key of a notebook's faults in :data:`FAULTS`: ``<folder>/<notebook name>``."""
    return f"{resources.get('metadata', {}).get('path', '')}/{resources.get('unique_key', 'notebook')}"


def _error(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


class SandboxUnavailable(RuntimeError):
    """Student code cannot be sandboxed here, and the instructor did not opt out."""


_SANDBOX_PROBLEM: list[str | None] = []


def _sandbox_problem() -> str | None:
    if not _SANDBOX_PROBLEM:
        from course.grading.sandbox import sandbox_problem

        _SANDBOX_PROBLEM.append(sandbox_problem())
    return _SANDBOX_PROBLEM[0]


_PREPARED_DATA: set[str] = set()


def _prepare_data(root: Path) -> None:
    """Fetch or unpack the datasets once per process: the sandbox sees the data root read-only."""
    if str(root) in _PREPARED_DATA:
        return
    from course.data import DATASETS, prepare

    for name in DATASETS:
        prepare(name, root)
    _PREPARED_DATA.add(str(root))


_FONT_CACHE: list[str] = []


def _matplotlib_font_cache() -> str:
    """Matplotlib's font list, built once here, for the sandbox's empty matplotlib folder (each kernel
    would otherwise scan every font on the system again); "" if matplotlib is not there."""
    if not _FONT_CACHE:
        try:
            import matplotlib
            from matplotlib import font_manager

            path = Path(matplotlib.get_cachedir()) / f"fontlist-v{font_manager.FontManager.__version__}.json"
            font_manager.fontManager  # noqa: B018  (loads the list, writing the file if it was missing)
            _FONT_CACHE.append(str(path) if path.is_file() else "")
        except Exception:
            _FONT_CACHE.append("")
    return _FONT_CACHE[0]


def _message_size(value, depth: int = 0) -> int:
    """Bytes of every string and number in a message's content (data, metadata, traceback...)."""
    if depth > 20:
        return 0
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(len(str(k)) + _message_size(v, depth + 1) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return sum(_message_size(v, depth + 1) for v in value)
    return 8


def _destroy_contexts(contexts: list) -> None:
    for context in contexts:
        try:
            context.destroy(linger=0)
        except Exception:
            pass


def _mount_tmpfs(path: Path, size_mb: int) -> bool:
    """Mount a tmpfs of ``size_mb`` owned by uid 65534 at ``path`` (root only); False if it cannot."""
    from course.grading.sandbox import NOBODY

    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,uid={NOBODY},gid={NOBODY},mode=0700,nosuid,nodev,noexec",
             "tmpfs", str(path)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _unmount(path: Path) -> None:
    try:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        pass


class RobustExecute(Execute):
    """nbgrader's Execute, cell by cell, in the sandbox, grading as far as the notebook got."""

    notebook_timeout = Integer(
        1800, help="Wall-clock cap (seconds) for the whole notebook; cells after it are not run."
    ).tag(config=True)
    max_output_bytes = Integer(
        10 * 2**20, help="Output kept per cell (bytes, every field of every message counted); the rest is "
        "dropped and the cell marked OUTPUT CAPPED."
    ).tag(config=True)
    max_notebook_output_bytes = Integer(
        50 * 2**20, help="Output kept per notebook (bytes); past it, every later cell's output is dropped."
    ).tag(config=True)
    max_message_bytes = Integer(
        32 * 2**20, help="Largest single message accepted on any channel (iopub, shell, control, stdin); a larger "
        "one is dropped by ZMQ before the grader holds it (one print of a gigabyte is one message)."
    ).tag(config=True)
    probe_timeout = Integer(
        10, help="After a cell times out: seconds the kernel has to answer a kernel_info request. A kernel that "
        "does not (it ignores interrupts) is stopped and the rest of the notebook is not run (TIMEOUT)."
    ).tag(config=True)

    sandbox = Bool(
        True, help="Run every kernel in the course sandbox (course.grading.sandbox). Set it to False only for "
        "code you trust: student code then runs with your own privileges, network and files."
    ).tag(config=True)
    memory_mb = Integer(4096, help="Memory cap of each sandboxed kernel (MiB), its tmpfs folders included.").tag(config=True)
    max_pids = Integer(256, help="Process cap of each sandboxed kernel.").tag(config=True)
    threads = Integer(1, help="Threads per sandboxed kernel (OMP_NUM_THREADS, MKL_NUM_THREADS).").tag(config=True)
    disk_mb = Integer(1024, help="Size cap (MiB) of each writable folder of the sandbox (the notebook's folder, "
                      "/tmp, /dev/shm): tmpfs, charged to the kernel's memory cap.").tag(config=True)
    record_mb = Integer(256, help="Size cap (MiB) of each kernel's record folder (a tmpfs).").tag(config=True)
    data_root = Unicode("", help="The data root the sandbox shows read-only (default: course.data.data_root()).").tag(
        config=True)

    shutdown_kernel = Enum(
        ["graceful", "immediate"], default_value="immediate",
        help="How a kernel is stopped once its notebook is graded: 'immediate' (kill it: everything needed was "
        "already collected; a graceful shutdown waits seconds for the kernel to exit) or 'graceful'.",
    ).tag(config=True)

    record_checks = Bool(
        True, help="Give the kernel a record folder for the check helpers and collect it after each cell."
    ).tag(config=True)
    run_root = Unicode(
        "", help="Folder under which each kernel's private run folder is made (default: the system's temp folder)."
    ).tag(config=True)

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's output hook, with a byte budget per cell and per notebook."""
        size = _message_size(msg.get("content", {})) + _message_size(msg.get("metadata", {}))
        self._output_bytes += size
        self._notebook_output_bytes += size
        if self._output_bytes > self.max_output_bytes or self._notebook_output_bytes > self.max_notebook_output_bytes:
            if not self._output_capped:
                self._output_capped = True
                limit = (self.max_output_bytes if self._output_bytes > self.max_output_bytes
                         else self.max_notebook_output_bytes)
                outs.append(NotebookNode(output_type="stream", name="stdout",
                                         text=f"\n[output over {limit // 2**20} MB: the rest was dropped]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)

    async def async_start_new_kernel_client(self):
        """nbclient's, with the client's sockets made by a ZMQ context whose every socket refuses a
        message over ``max_message_bytes`` (set before they connect: ZMQ applies the option then)."""
        import zmq
        import zmq.asyncio
        from nbclient.util import ensure_async, run_hook

        context = zmq.asyncio.Context()
        context.setsockopt(zmq.MAXMSGSIZE, self.max_message_bytes)
        context.setsockopt(zmq.SNDTIMEO, 1000 * max(self.probe_timeout, 1))  # a dropped connection never blocks us
        self._zmq_context = context
        try:
            self.kc = self.km.client(context=context)
            await ensure_async(self.kc.start_channels())
            await ensure_async(self.kc.wait_for_ready(timeout=self.startup_timeout))
        except Exception as exc:
            self.log.error("Error occurred while starting new kernel client for kernel %s: %s",
                           getattr(self.km, "kernel_id", None), exc)
            await self._async_cleanup_kernel()
            raise
        self.kc.allow_stdin = False
        self._owners.extend([self.kc, self.km])
        await run_hook(self.on_notebook_start, notebook=self.nb)
        return self.kc

    from nbclient.util import run_sync as _run_sync

    start_new_kernel_client = _run_sync(async_start_new_kernel_client)
    del _run_sync

    def _responsive(self, *, reconnect: bool = False) -> bool:
        """Does the kernel answer a kernel_info request within ``probe_timeout`` seconds?

        A message over ``max_message_bytes`` makes ZMQ drop that connection: with ``reconnect`` (an output
        was lost), or when the first probe gets no answer, the client's channels are started afresh and
        the kernel is asked (again).
        """
        if not reconnect and self._probe():
            return True
        try:
            old = self.kc
            self._old_clients.append(old)
            old.stop_channels()
            self.kc = self.km.client(context=self._zmq_context)
            self.kc.start_channels()
            self.kc.allow_stdin = False
        except Exception:
            return False
        return self._probe()

    def _probe(self) -> bool:
        from queue import Empty

        from nbclient.util import run_sync

        try:
            msg_id = self.kc.kernel_info()
            deadline = time.monotonic() + self.probe_timeout
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                msg = run_sync(self.kc.shell_channel.get_msg)(timeout=left)
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    return True
        except Empty:
            return False
        except Exception:
            return False

    def create_kernel_manager(self):
        """The sandbox's kernel manager: its own kernelspec, ipc folder and connection file."""
        if self._run is None:
            return super().create_kernel_manager()
        if not self.sandbox:  # a trusted notebook: the configured kernel, but over ipc sockets of its own
            super().create_kernel_manager()
            self.km.transport = "ipc"
            self.km.ip = str(self._run / "kernel")
            self._owners.append(self.km)
            return self.km
        from jupyter_client.kernelspec import KernelSpecManager

        from course.grading.sandbox import KERNEL_NAME

        ksm = KernelSpecManager(kernel_dirs=[str(self._run / "kernels")])
        self.km = self.kernel_manager_class(
            kernel_name=KERNEL_NAME, kernel_spec_manager=ksm, transport="ipc",
            ip=str(self._run / "ipc" / "kernel"), connection_file=str(self._run / "connection.json"),
            config=self.config,
        )
        self._owners.append(self.km)
        return self.km

    def _cgroup_says(self, what: str) -> bool:
        """Ask the sandbox's cgroup of this kernel: 'oom' (memory cap hit) or 'pids' (process cap hit)."""
        if not (self.sandbox and self._run is not None):
            return False
        from course.grading import sandbox

        name = self._run.name
        return sandbox.oom_killed(name) if what == "oom" else sandbox.pids_capped(name)

    def _setup_run(self, resources: dict) -> dict:
        """Make this kernel's private run folder; returns the keyword arguments for setup_kernel."""
        from course.grading.sandbox import NOBODY, write_kernelspec

        base = self.run_root or None
        if base and len(os.path.join(os.path.abspath(base), "kernel-xxxxxxxx", "ipc", "kernel-99")) > 100:
            base = None  # a unix socket's path is limited to 107 bytes: use the system's temp folder
        if base:
            Path(base).mkdir(parents=True, exist_ok=True)
        run = Path(tempfile.mkdtemp(prefix="kernel-", dir=base))  # 0700, ours
        (run / ".owner").write_text(str(os.getpid()))  # course.grading.sweep removes it if we die
        self._run = run
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        record_dir: Path | None = None
        if self.record_checks:
            record_dir = run / "records"
            record_dir.mkdir(mode=0o700)
            if self.sandbox and as_root:
                self._records_mounted = _mount_tmpfs(record_dir, self.record_mb)
                if not self._records_mounted:
                    os.chown(record_dir, NOBODY, NOBODY)
        self._record_dir = record_dir
        if not self.sandbox:
            env = {**os.environ, "COURSE_RECORD_DIR": str(record_dir)} if record_dir else None
            return {"env": env} if env else {}
        ipc = run / "ipc"
        ipc.mkdir(mode=0o700)
        os.chown(ipc, NOBODY, NOBODY)
        from course.data import data_root

        root = Path(self.data_root).expanduser() if self.data_root else data_root()
        _prepare_data(root)
        workdir = os.path.abspath(resources.get("metadata", {}).get("path") or os.getcwd())
        write_kernelspec(run, {
            "memory_mb": self.memory_mb, "max_pids": self.max_pids, "threads": self.threads, "disk_mb": self.disk_mb,
            "data_root": str(root.resolve()), "workdir": workdir, "ipc_dir": str(ipc),
            "record_dir": str(record_dir) if record_dir else "", "cgroup": run.name,
            "mpl_fontlist": _matplotlib_font_cache(),
        })
        return {"cwd": str(run)}

    def _teardown_run(self) -> None:
        # every ZMQ context of this kernel destroyed here, explicitly: one left to the garbage collector
        # with its sockets in the same reference cycle makes Context.__del__ block forever in term()
        contexts = [getattr(self, "_zmq_context", None)]
        for owner in [self.kc, self.km, *getattr(self, "_owners", [])]:
            contexts.append(getattr(owner, "context", None))
        for client in getattr(self, "_old_clients", []):
            contexts.append(getattr(client, "context", None))
        live = [c for c in contexts if c is not None and not getattr(c, "closed", True)]
        if live:  # ZMQ's term() waits a few hundred ms per context: let a thread of its own wait
            import threading

            threading.Thread(target=_destroy_contexts, args=(live,), daemon=True).start()
        self._zmq_context = None
        self._old_clients = []
        self._owners = []
        if self._run is None:
            return
        if self._records_mounted and self._record_dir is not None:
            _unmount(self._record_dir)
        if self.sandbox:
            from course.grading.sandbox import cleanup_cgroup

            cleanup_cgroup(self._run.name)
        shutil.rmtree(self._run, ignore_errors=True)
        self._run = None

    def preprocess(self, nb: NotebookNode, resources: dict | None = None, km=None):
        from nbclient import NotebookClient

        if self.sandbox:
            if km is not None:
                raise SandboxUnavailable("RobustExecute runs student code only in its own sandboxed kernel, not in a "
                                         "kernel manager handed to it (set c.RobustExecute.sandbox = False to allow it)")
            problem = _sandbox_problem()
            if problem:
                raise SandboxUnavailable(
                    f"cannot run student code in the course sandbox: {problem}. Install it (as root: apt-get install "
                    "bubblewrap) or, only for code you trust, opt out: course autograde --no-sandbox, or "
                    "c.RobustExecute.sandbox = False in nbgrader_config.py (student code then runs with your "
                    "privileges)")
        NotebookClient.__init__(self, nb, km)
        self._run = None
        self._owners: list = []
        self._old_clients = []
        self._zmq_context = None
        self._record_dir = None
        self._records_mounted = False
        self._output_bytes = 0
        self._notebook_output_bytes = 0
        self._output_capped = False
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        name = fault_key(resources)
        faults: list[Fault] = []
        started = time.monotonic()
        next_index = 0
        stop_reason: tuple[str, str] | None = None
        budget = None
        clock = time.perf_counter()
        cells_end = clock
        try:
            kernel_kwargs = self._setup_run(self.resources)
            if self._record_dir is not None:
                from course.grading.verdict import RecordBudget

                budget = RecordBudget()
                self.resources["course_recording"] = True
                self.resources["course_records"] = {}
            with self.setup_kernel(**kernel_kwargs):
                info = self.wait_for_reply(self.kc.kernel_info())
                if info and "language_info" in info["content"]:
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
                add_timing(name, "kernel start", time.perf_counter() - clock)
                for index, cell in enumerate(self.nb.cells):
                    next_index = index
                    if cell.cell_type != "code":
                        continue
                    if time.monotonic() - started > self.notebook_timeout:
                        stop_reason = ("TIMEOUT", f"the notebook ran past its {self.notebook_timeout} s limit")
                        faults.append(Fault("TIMEOUT", name, index, stop_reason[1]))
                        break
                    self._output_bytes = 0
                    self._output_capped = False
                    try:
                        try:
                            clock = time.perf_counter()
                            self.preprocess_cell(cell, resources, index)
                        finally:
                            add_timing(name, "cells", time.perf_counter() - clock)
                            clock = time.perf_counter()
                            self._collect_records(cell, budget)
                            cells_end = time.perf_counter()
                            add_timing(name, "harvest", cells_end - clock)
                    except DeadKernelError:
                        if self._cgroup_says("oom"):
                            kind, msg = "OOM", "the kernel was killed for using more memory than the limit"
                        else:
                            kind, msg = "KERNEL DIED", "the kernel died while running this cell (os._exit, a crash)"
                        cell.outputs.append(_error("KernelDied", msg))
                        faults.append(Fault(kind, name, index, msg))
                        stop_reason = ("KERNEL DIED", "the kernel died in an earlier cell")
                        self.resources["course_died_at"] = index
                        next_index = index + 1
                        break
                    except (CellTimeoutError, TimeoutError) as exc:
                        if "IOPub" in str(exc) and self._responsive(reconnect=True):
                            # an output message was lost (over max_message_bytes): never trust this cell
                            msg = "this cell's output was lost (over the output limit): the cell counts as failed"
                            cell.outputs.append(_error("OutputCapped", msg))
                            faults.append(Fault("OUTPUT CAPPED", name, index, msg))
                            continue
                        msg = (f"the kernel did not finish this cell within {self.timeout} s and did not respond "
                               "to an interrupt: the rest of the notebook was not run")
                        cell.outputs.append(_error("CellTimeoutError", msg))
                        faults.append(Fault("TIMEOUT", name, index, msg))
                        stop_reason = ("TIMEOUT", "the kernel stopped responding in an earlier cell")
                        self.resources["course_died_at"] = index
                        next_index = index + 1
                        break
                    if self._output_capped:
                        cell.outputs.append(_error("OutputCapped", "output over the limit"))
                        faults.append(Fault("OUTPUT CAPPED", name, index, "the cell printed more than the limit"))
                    if any(o.get("ename") == "CellTimeoutError" for o in cell.outputs if o.output_type == "error"):
                        if not self._responsive():
                            msg = (f"the cell ran longer than {self.timeout} s and the kernel ignored the interrupt: "
                                   "the rest of the notebook was not run")
                            faults.append(Fault("TIMEOUT", name, index, msg))
                            stop_reason = ("TIMEOUT", "the kernel stopped responding in an earlier cell")
                            self.resources["course_died_at"] = index
                            next_index = index + 1
                            break
                        faults.append(Fault("TIMEOUT", name, index, f"cell ran longer than {self.timeout} s"))
                else:
                    next_index = len(self.nb.cells)
        except SandboxUnavailable:
            raise
        except Exception as exc:  # the kernel could not start, or was lost in a way nbclient did not name
            msg = clean_line(f"{type(exc).__name__}: {exc}")
            faults.append(Fault("KERNEL DIED", name, next_index, msg))
            stop_reason = stop_reason or ("KERNEL DIED", msg)
            self.resources.setdefault("course_died_at", next_index)
            cells = self.nb.cells
            if next_index < len(cells) and cells[next_index].cell_type == "code":
                # the cell that was running may hold partial output (a test cell's "passed" line): fail it
                cells[next_index].setdefault("outputs", []).append(_error("KernelDied", msg))
                next_index += 1
        finally:
            pids_capped = self._cgroup_says("pids")
            self._teardown_run()
            add_timing(name, "teardown", time.perf_counter() - cells_end)
        if pids_capped:
            faults.append(Fault("PROCESS CAP", name, None, "the notebook hit the limit on processes (fork bomb?)"))
        if budget is not None and budget.dropped:
            faults.append(Fault("RECORDS DROPPED", name, None, f"{budget.dropped} check record(s) over the size caps "
                                "or malformed were ignored"))
        if stop_reason is not None:
            for cell in self.nb.cells[next_index:]:
                if cell.cell_type == "code" and not cell.get("outputs"):
                    cell.outputs = [_error("NotRun", f"this cell was not run: {stop_reason[1]}")]
        if faults:
            FAULTS.setdefault(name, []).extend(faults)
        self.set_widgets_metadata()
        return self.nb, self.resources

    def _collect_records(self, cell: NotebookNode, budget) -> None:
        """Move the records written while ``cell`` ran out of the kernel's reach (kept for test cells)."""
        if self._record_dir is None:
            return
        from course.grading.preprocessors import is_test_cell
        from course.grading.verdict import harvest

        records = harvest(self._record_dir, budget)
        meta = cell.get("metadata", {}).get("nbgrader", {})
        grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
        if is_test_cell(cell) and isinstance(grade_id, str) and grade_id:
            self.resources["course_records"].setdefault(grade_id, []).extend(records)


class _NotebookCells:
    """The gradebook, with one notebook's cells read once: nbgrader asks for each cell and each kind of
    cell with its own query (four or more per cell); the other calls go to the gradebook."""

    def __init__(self, gradebook, notebook_id: str, assignment_id: str) -> None:
        self._gradebook = gradebook
        self._key = (notebook_id, assignment_id)
        self._notebook = gradebook.find_notebook(notebook_id, assignment_id)
        nb = self._notebook
        self._cells = {"source": {c.name: c for c in nb.source_cells}, "grade": {c.name: c for c in nb.grade_cells},
                       "solution": {c.name: c for c in nb.solution_cells}, "task": {c.name: c for c in nb.task_cells}}

    def _find(self, kind: str, name: str, notebook: str, assignment: str):
        from nbgrader.api import MissingEntry

        if (notebook, assignment) != self._key:
            return getattr(self._gradebook, f"find_{kind}_cell")(name, notebook, assignment)
        try:
            return self._cells[kind][name]
        except KeyError:
            raise MissingEntry() from None

    def find_source_cell(self, name: str, notebook: str, assignment: str):
        return self._find("source", name, notebook, assignment)

    def find_grade_cell(self, name: str, notebook: str, assignment: str):
        return self._find("grade", name, notebook, assignment)

    def find_solution_cell(self, name: str, notebook: str, assignment: str):
        return self._find("solution", name, notebook, assignment)

    def find_task_cell(self, name: str, notebook: str, assignment: str):
        return self._find("task", name, notebook, assignment)

    def find_notebook(self, notebook: str, assignment: str):
        return self._notebook if (notebook, assignment) == self._key else self._gradebook.find_notebook(notebook, assignment)

    def __getattr__(self, name: str):
        return getattr(self._gradebook, name)


class RestoreMissingCells(OverwriteCells):
    """OverwriteCells that restores the whole nbgrader metadata of every known cell from the gradebook
    (a student's edits to it, such as a ``solution`` flag set on a test cell, are undone), drops the
    metadata of cells the gradebook does not know (an extra cell marked graded is just a cell), and
    puts every deleted graded cell back after the nearest cell still present. The notebook's cells are
    read from the gradebook once, not once per cell."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        from nbgrader.api import Gradebook
        from nbgrader.preprocessors import NbGraderPreprocessor

        self.notebook_id = resources["nbgrader"]["notebook"]
        self.assignment_id = resources["nbgrader"]["assignment"]
        self.db_url = resources["nbgrader"]["db_url"]
        with Gradebook(self.db_url) as gradebook:
            self.gradebook = _NotebookCells(gradebook, self.notebook_id, self.assignment_id)
            try:
                nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
                if self.add_missing_cells:
                    nb, resources = self.add_missing_grade_cells(nb, resources)
                    nb, resources = self.add_missing_task_cells(nb, resources)
            finally:
                self.gradebook = gradebook
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict, cell_index: int):
        from nbgrader.api import MissingEntry

        meta = cell.get("metadata", {}).get("nbgrader")
        if meta is None:
            return cell, resources
        grade_id = meta.get("grade_id") if isinstance(meta, dict) else None
        if not isinstance(grade_id, str) or not grade_id:
            del cell.metadata["nbgrader"]
            return cell, resources
        try:
            source_cell = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
        except MissingEntry:
            self.log.warning("Cell %r is not in the gradebook: graded as an ordinary cell", grade_id)
            del cell.metadata["nbgrader"]
            return cell, resources
        restored = {"grade": False, "grade_id": grade_id, "locked": bool(source_cell.locked), "schema_version": 3,
                    "solution": False, "task": False}
        for finder, key in ((self.gradebook.find_grade_cell, "grade"), (self.gradebook.find_solution_cell, "solution"),
                            (self.gradebook.find_task_cell, "task")):
            try:
                found = finder(grade_id, self.notebook_id, self.assignment_id)
            except MissingEntry:
                continue
            restored[key] = True
            if key in ("grade", "task"):
                restored["points"] = float(found.max_score)
        if restored["task"]:
            restored["grade"] = False
        if meta != restored:
            changed = sorted(k for k in set(meta) | set(restored) if k != "checksum" and meta.get(k) != restored.get(k))
            if changed:
                self.log.warning("Cell %r: nbgrader metadata %s restored from the gradebook", grade_id, ", ".join(changed))
        cell.metadata["nbgrader"] = restored
        return super().preprocess_cell(cell, resources, cell_index)

    def add_missing_grade_cells(self, nb: NotebookNode, resources: dict):
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = source_nb.source_cells
        order = [c.name for c in source_cells]
        by_name = {c.name: c for c in source_cells}
        solution_ids = {c.name for c in source_nb.solution_cells}
        for grade_cell in sorted(source_nb.grade_cells, key=lambda g: order.index(g.name) if g.name in order else -1):
            present = {
                c.metadata["nbgrader"]["grade_id"]: i
                for i, c in enumerate(nb.cells)
                if "grade_id" in c.metadata.get("nbgrader", {})
            }
            if grade_cell.name in present or grade_cell.name not in by_name:
                continue
            self.log.warning("Missing grade cell %s: restoring it", grade_cell.name)
            k = order.index(grade_cell.name)
            anchor = next((order[j] for j in range(k - 1, -1, -1) if order[j] in present), None)
            cell = self.missing_cell_transform(
                by_name[grade_cell.name], grade_cell.max_score, is_solution=grade_cell.name in solution_ids
            )
            nb.cells.insert(present[anchor] + 1 if anchor is not None else 0, cell)
            resources.setdefault("course_restored", []).append(grade_cell.name)
        return nb, resources

    def add_missing_task_cells(self, nb: NotebookNode, resources: dict):
        # stock nbgrader indexes ["grade_id"] on every cell with nbgrader metadata, but
        # DeduplicateIds leaves an empty dict on the copies it demotes: KeyError
        source_nb = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source_cells = source_nb.source_cells
        order = [c.name for c in source_cells]
        present = {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells}
        for task_cell in source_nb.task_cells:
            if task_cell.name not in present:
                cell = source_cells[order.index(task_cell.name)]
                nb.cells.append(self.missing_cell_transform(cell, task_cell.max_score, is_task=True))
        return nb, resources
