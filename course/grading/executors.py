"""Where grading jobs run: a ``concurrent.futures.Executor`` and what the coordinator needs around it.

* :class:`LocalPool`: a ``ProcessPoolExecutor`` of N worker processes on this machine (``--workers N``).
  Workers are forked from a server process that imported the grading code once (``forkserver``),
  ignore Ctrl-C (the coordinator stops them) and turn SIGTERM into a clean exit: the job's kernel is
  shut down and its scratch folder removed. When a worker dies (SIGKILL, the out-of-memory killer) the
  pool is broken; :meth:`LocalPool.renew` starts a new one and removes what the dead worker left behind.
* :class:`DaskCluster`: an existing ``dask.distributed`` cluster (``--scheduler tcp://HOST:PORT``);
  ``Client.get_executor()`` is the executor. Payloads are scattered to the workers once.

Both expose the same few things (:class:`Backend`), so the coordinator has one code path.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from concurrent.futures import Executor
from pathlib import Path

from course.grading.payload import AssignmentPayload, PayloadRef

__all__ = ["Backend", "DaskCluster", "LocalPool", "make_backend", "start_fork_server"]


class Backend:
    """An executor for grading jobs, and what the coordinator needs around it."""

    executor: Executor
    slots: int = 1  #: jobs that can run at once
    threads_per_kernel: int | None = None  #: threads each student kernel gets (None: the config's)
    scratch_root: str | None = None  #: where jobs make their scratch folders (None: the worker decides)
    crash_breaks_all: bool = False  #: a crashed job fails every job in flight (a broken process pool)
    description: str = ""

    def share(self, payload: AssignmentPayload) -> object:
        """What to pass to jobs instead of the payload itself (sent once, not with every job)."""
        return payload

    def is_crash(self, exc: BaseException) -> bool:
        """Did the job's worker process die (rather than the job raising)?"""
        return False

    def marker(self, token: str) -> str | None:
        """A path the job keeps while it runs (see :meth:`died_running`), or None."""
        return None

    def died_running(self, token: str) -> bool:
        """After a crash: did the job ``token`` die with its worker (rather than being stopped with the
        pool because another job's worker died)?"""
        return True

    def renew(self) -> None:
        """Make the executor usable again after a crash (and wait until the old workers are gone)."""

    def interrupt(self) -> None:
        """Stop now: cancel what has not started, end what runs (cleanly where we can)."""

    def close(self) -> None:
        """Release everything (after the batch)."""


# --------------------------------------------------------------------------------------------- local


#: the exit status of a pool worker stopped by SIGTERM (128 + 15)
STOPPED_EXIT = 143


def _worker_init(registry: str) -> None:
    """In each pool worker: note our pid, leave Ctrl-C to the coordinator, exit cleanly on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def _terminate(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends us at once
        raise SystemExit(STOPPED_EXIT)  # unwinds the job: its kernel is shut down, its scratch folder removed

    signal.signal(signal.SIGTERM, _terminate)
    Path(registry, str(os.getpid())).touch()
    import course.grading.job  # noqa: F401  (import torch, nbgrader... once, before the first job)


def _stoppable(fn, /, *args, **kwargs):
    """Run one job in a pool worker. Once SIGTERM has unwound it (see :func:`_worker_init`), end the
    process: the pool's worker loop would otherwise take the exit for the job's result and start the next."""
    try:
        return fn(*args, **kwargs)
    except SystemExit as exc:
        if exc.code == STOPPED_EXIT:
            os._exit(STOPPED_EXIT)
        raise


def start_fork_server() -> None:
    """Start the server process that local pool workers fork from, if it is not running: it imports the
    grading code (:mod:`course.grading.preload`) in the background, while the caller goes on."""
    import multiprocessing
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(["course.grading.preload"])
    forkserver.ensure_running()


class LocalPool(Backend):
    """``workers`` processes on this machine (see the module)."""

    crash_breaks_all = True

    def __init__(self, workers: int) -> None:
        import multiprocessing

        from course.grading.job import scratch_base

        self.slots = max(1, int(workers))
        self.threads_per_kernel = max(1, (os.cpu_count() or 1) // self.slots)
        self.root = Path(tempfile.mkdtemp(prefix="course-batch-", dir=scratch_base()))
        (self.root / ".owner").write_text(str(os.getpid()))
        self.registry = self.root / "workers"
        self.registry.mkdir()
        self.running = self.root / "running"
        self.running.mkdir()
        self.scratch_root = str(self.root)
        # workers fork from a server process that imported the grading code once (torch, nbgrader...): a new
        # pool, after a crash or for the next batch, starts in a fraction of a second
        self._context = multiprocessing.get_context("forkserver")
        start_fork_server()
        self.description = f"{self.slots} worker process{'es' if self.slots > 1 else ''} on this machine"
        self._start()

    def _start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        class StoppablePool(ProcessPoolExecutor):
            def submit(self, fn, /, *args, **kwargs):
                return super().submit(_stoppable, fn, *args, **kwargs)

        self.executor = StoppablePool(self.slots, mp_context=self._context, initializer=_worker_init,
                                      initargs=(str(self.registry),))

    def share(self, payload: AssignmentPayload) -> PayloadRef:
        return PayloadRef.write(payload, self.root)

    def is_crash(self, exc: BaseException) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        return isinstance(exc, BrokenProcessPool)

    def marker(self, token: str) -> str:
        return str(self.running / token)

    def died_running(self, token: str) -> bool:
        # a job stopped by the pool (SIGTERM: it unwinds) removes its marker; one whose process died does not
        path = self.running / token
        died = path.exists()
        path.unlink(missing_ok=True)
        return died

    def _workers(self) -> list:
        """Our pool's live worker processes (multiprocessing children whose pid the pool registered)."""
        import multiprocessing

        mine = {int(p.name) for p in self.registry.iterdir() if p.name.isdigit()}
        return [p for p in multiprocessing.active_children() if p.pid in mine]

    def _stop_workers(self, timeout: float = 60) -> None:
        import time

        workers = self._workers()
        for proc in workers:
            proc.terminate()  # SIGTERM: the worker unwinds its job (kernel shut down, scratch removed)
        deadline = time.monotonic() + timeout
        for proc in workers:
            proc.join(max(0.1, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join(5)

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        from course.grading.sweep import sweep

        sweep(self.root)
        self._start()

    def interrupt(self) -> None:
        self._stop_workers()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        from course.grading.sweep import sweep

        sweep(self.root)
        shutil.rmtree(self.root, ignore_errors=True)


# --------------------------------------------------------------------------------------------- dask


class DaskCluster(Backend):
    """Jobs on an existing Dask cluster (see the module)."""

    def __init__(self, address: str) -> None:
        from distributed import Client

        self.client = Client(address, timeout="30s")
        self.executor = self.client.get_executor(pure=False)
        workers = self.client.scheduler_info(n_workers=-1)["workers"]
        if not workers:
            self.client.close()
            raise RuntimeError(f"the Dask cluster at {address} has no workers")
        self.slots = sum(int(w.get("nthreads", 1)) for w in workers.values())
        self.threads_per_kernel = self._threads(workers)
        hosts = {w.get("host") for w in workers.values()}
        self.description = (f"{len(workers)} Dask worker{'s' if len(workers) > 1 else ''} on {len(hosts)} "
                            f"machine{'s' if len(hosts) > 1 else ''} ({address})")

    def _threads(self, workers: dict) -> int:
        """Cores per job slot on the most crowded machine (each kernel gets that many threads)."""
        cores = self.client.run(os.cpu_count)
        per_host: dict[str, list[int]] = {}
        for addr, info in workers.items():
            slot = per_host.setdefault(info.get("host", addr), [0, 0])
            slot[0] = max(slot[0], int(cores.get(addr) or 1))
            slot[1] += int(info.get("nthreads", 1))
        return max(1, min(c // max(1, n) for c, n in per_host.values()))

    def share(self, payload: AssignmentPayload) -> object:
        return self.client.scatter(payload, broadcast=True, hash=False)

    def is_crash(self, exc: BaseException) -> bool:
        from distributed import KilledWorker
        from distributed.comm.core import CommClosedError

        return isinstance(exc, (KilledWorker, CommClosedError))

    def interrupt(self) -> None:
        # running tasks cannot be stopped from here: they finish on the workers and are dropped
        self.executor.shutdown(wait=False)

    def close(self) -> None:
        try:
            self.executor.shutdown(wait=False)
        finally:
            self.client.close()


def make_backend(workers: int | None = None, scheduler: str | None = None) -> Backend:
    """A Dask cluster when ``scheduler`` is given, else a local pool of ``workers`` (default: the cores)."""
    if scheduler:
        return DaskCluster(scheduler)
    return LocalPool(workers or os.cpu_count() or 1)
