"""Autograde steps that keep a submission's grades whatever its code does.

:class:`RobustExecute` replaces nbgrader's ``Execute``. Stock nbgrader runs the whole notebook
in one call; on any exception (a dead kernel, an unresponsive one, a lost iopub message) its
converter deletes that student's autograded folder and records no grades. Here cells run one
by one, and:

* a cell that exceeds the per-cell timeout gets nbgrader's timeout error and the notebook goes on
  (TIMEOUT);
* past the wall-clock cap for the whole notebook, the remaining cells are not run (TIMEOUT);
* if the kernel dies (``os._exit``, a segfault, the memory cap), that cell records it and the
  remaining cells are not run (KERNEL DIED);
* a cell that was never run gets an error output saying why, so a test cell that never ran
  scores zero (nbgrader would otherwise give full marks to a test cell without output).

With ``record_checks`` (the default), each kernel gets an empty folder for the check helpers'
records (``COURSE_RECORD_DIR``); after every cell the records written during it are moved out
(:func:`course.grading.verdict.harvest`) and kept, per test cell, in ``resources["course_records"]``
for :class:`course.grading.verdict.TrustedVerdict`.

The grades of the cells that did run are kept. What happened is recorded per notebook in
:data:`FAULTS` (read by the batch runner for its report) and shown in the feedback.

:class:`RestoreMissingCells` is nbgrader's ``OverwriteCells`` with missing test cells put back,
also when the cell before a deleted test is a locked cell that is not graded (stock nbgrader
raises ``KeyError`` there).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute, OverwriteCells
from traitlets import Bool, Integer, Unicode

__all__ = ["FAULTS", "Fault", "RestoreMissingCells", "RobustExecute", "fault_key", "take_faults"]


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


class RobustExecute(Execute):
    """nbgrader's Execute, cell by cell, grading as far as the notebook got."""

    notebook_timeout = Integer(
        1800, help="Wall-clock cap (seconds) for the whole notebook; cells after it are not run."
    ).tag(config=True)
    max_output_bytes = Integer(
        10 * 2**20, help="Output kept per cell (bytes); the rest is dropped and the cell marked OUTPUT CAPPED."
    ).tag(config=True)
    max_message_bytes = Integer(
        32 * 2**20, help="Largest single output message accepted; a larger one is dropped by ZMQ before the "
        "grader holds it (one print of a gigabyte is one message)."
    ).tag(config=True)

    record_checks = Bool(
        True, help="Give the kernel a record folder for the check helpers and collect it after each cell."
    ).tag(config=True)
    record_root = Unicode(
        "", help="Folder under which each kernel's record folder is made (default: the system's temp folder)."
    ).tag(config=True)

    def output(self, outs, msg, display_id, cell_index):
        """nbclient's output hook, with a byte budget per cell."""
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
        self._output_bytes += size
        if self._output_bytes > self.max_output_bytes:
            if not self._output_capped:
                self._output_capped = True
                outs.append(NotebookNode(output_type="stream", name="stdout",
                                         text=f"\n[output over {self.max_output_bytes // 2**20} MB: the rest was dropped]\n"))
            return None
        return super().output(outs, msg, display_id, cell_index)

    def _cap_iopub(self) -> None:
        try:
            import zmq

            self.kc.iopub_channel.socket.setsockopt(zmq.MAXMSGSIZE, self.max_message_bytes)
        except Exception:  # a client without a ZMQ iopub socket: the per-cell byte budget still applies
            pass

    def _cgroup_says(self, what: str) -> bool:
        """Ask the sandbox's cgroup of this kernel: 'oom' (memory cap hit) or 'pids' (process cap hit)."""
        connection_file = getattr(self, "_connection_file", "")
        return bool(connection_file) and self.kernel_name == "course-sandbox" and _cgroup_check(connection_file, what)

    def preprocess(self, nb: NotebookNode, resources: dict | None = None, km=None):
        from nbclient import NotebookClient

        NotebookClient.__init__(self, nb, km)
        self._connection_file = ""
        self._output_bytes = 0
        self._output_capped = False
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        name = fault_key(resources)
        faults: list[Fault] = []
        record_dir = self._make_record_dir() if self.record_checks else None
        kernel_env = {**os.environ, "COURSE_RECORD_DIR": str(record_dir)} if record_dir else None
        if record_dir:
            self.resources["course_recording"] = True
            self.resources["course_records"] = {}
        started = time.monotonic()
        next_index = 0
        stop_reason: tuple[str, str] | None = None
        try:
            with self.setup_kernel(**({"env": kernel_env} if kernel_env else {})):
                self._connection_file = getattr(self.km, "connection_file", "")  # km is gone after shutdown
                self._cap_iopub()
                info = self.wait_for_reply(self.kc.kernel_info())
                if info and "language_info" in info["content"]:
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
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
                            self.preprocess_cell(cell, resources, index)
                        finally:
                            self._collect_records(record_dir, cell)
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
                        if "IOPub" in str(exc):
                            # an output message was lost (over max_message_bytes): never trust this cell
                            msg = "this cell's output was lost (over the output limit): the cell counts as failed"
                            cell.outputs.append(_error("OutputCapped", msg))
                            faults.append(Fault("OUTPUT CAPPED", name, index, msg))
                            continue
                        msg = f"no reply from the kernel within {self.timeout} s ({type(exc).__name__})"
                        cell.outputs.append(_error("CellTimeoutError", msg))
                        faults.append(Fault("TIMEOUT", name, index, msg))
                        stop_reason = ("TIMEOUT", "the kernel stopped responding in an earlier cell")
                        self.resources["course_died_at"] = index
                        next_index = index + 1
                        break
                    if self._output_capped:
                        cell.outputs.append(_error("OutputCapped", f"output over {self.max_output_bytes} bytes"))
                        faults.append(Fault("OUTPUT CAPPED", name, index, "the cell printed more than the limit"))
                    if any(o.get("ename") == "CellTimeoutError" for o in cell.outputs if o.output_type == "error"):
                        faults.append(Fault("TIMEOUT", name, index, f"cell ran longer than {self.timeout} s"))
                else:
                    next_index = len(self.nb.cells)
        except Exception as exc:  # the kernel could not start, or was lost in a way nbclient did not name
            msg = f"{type(exc).__name__}: {exc}".strip()
            faults.append(Fault("KERNEL DIED", name, next_index, msg))
            stop_reason = stop_reason or ("KERNEL DIED", msg)
            self.resources.setdefault("course_died_at", next_index)
            cells = self.nb.cells
            if next_index < len(cells) and cells[next_index].cell_type == "code":
                # the cell that was running may hold partial output (a test cell's "passed" line): fail it
                cells[next_index].setdefault("outputs", []).append(_error("KernelDied", msg))
                next_index += 1
        if record_dir:
            shutil.rmtree(record_dir, ignore_errors=True)
        if self._cgroup_says("pids"):
            faults.append(Fault("PROCESS CAP", name, None, "the notebook hit the limit on processes (fork bomb?)"))
        if stop_reason is not None:
            for cell in self.nb.cells[next_index:]:
                if cell.cell_type == "code" and not cell.get("outputs"):
                    cell.outputs = [_error("NotRun", f"this cell was not run: {stop_reason[1]}")]
        if faults:
            FAULTS.setdefault(name, []).extend(faults)
        self.set_widgets_metadata()
        return self.nb, self.resources


    def _make_record_dir(self) -> Path:
        base = self.record_root or None
        if base:
            Path(base).mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="records-", dir=base))
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            from course.grading.sandbox import NOBODY

            os.chown(folder, NOBODY, NOBODY)  # the sandboxed kernel runs as nobody
        return folder

    def _collect_records(self, record_dir: Path | None, cell: NotebookNode) -> None:
        """Move the records written while ``cell`` ran out of the kernel's reach (kept for test cells)."""
        if record_dir is None:
            return
        from course.grading.preprocessors import is_test_cell
        from course.grading.verdict import harvest

        records = harvest(record_dir)
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if is_test_cell(cell) and grade_id:
            self.resources["course_records"].setdefault(grade_id, []).extend(records)


def _cgroup_check(connection_file: str, what: str) -> bool:
    from course.grading import sandbox

    return sandbox.oom_killed(connection_file) if what == "oom" else sandbox.pids_capped(connection_file)


class RestoreMissingCells(OverwriteCells):
    """OverwriteCells that puts every deleted graded cell back after the nearest cell still present."""

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
