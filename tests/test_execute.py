"""RobustExecute on a plain kernel: what happens when execution breaks in a way nbclient does not name."""

from __future__ import annotations

from pathlib import Path

import nbformat

from course.grading.execute import RobustExecute, take_faults
from course.grading.preprocessors import score_test_cell


def _test_cell(source: str, gid: str):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": gid,
                                 "points": 1, "schema_version": 3, "task": False}
    return cell


def test_unexpected_error_fails_the_running_cell_and_the_rest(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("a = 1"), _test_cell("print('a =', a)", "t1"), _test_cell("print(a)", "t2")]
    original = RobustExecute.preprocess_cell

    def flaky(self, cell, resources, index):
        if index == 1:  # the test cell had printed its "passed" line when the connection broke
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text="visible tests passed\n"))
            raise RuntimeError("lost the kernel")
        return original(self, cell, resources, index)

    monkeypatch.setattr(RobustExecute, "preprocess_cell", flaky)
    executor = RobustExecute(kernel_name="python3", timeout=60, sandbox=False)
    nb, _ = executor.preprocess(nb, {"metadata": {"path": str(tmp_path)}, "unique_key": "nb"})
    assert score_test_cell(nb.cells[1]) == (0.0, 1.0)
    assert score_test_cell(nb.cells[2]) == (0.0, 1.0)
    assert nb.cells[2].outputs[0].ename == "NotRun"
    faults = take_faults(str(tmp_path))
    assert [f.kind for f in faults] == ["KERNEL DIED"] and "lost the kernel" in faults[0].message


def test_plain_run_records_no_fault(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("a = 2"), _test_cell("assert a == 2", "t1")]
    nb, _ = RobustExecute(kernel_name="python3", timeout=60, sandbox=False).preprocess(
        nb, {"metadata": {"path": str(tmp_path)}, "unique_key": "nb"}
    )
    assert score_test_cell(nb.cells[1]) == (1.0, 1.0)
    assert take_faults(str(tmp_path)) == []


def test_student_code_runs_only_in_the_sandbox_unless_opted_out(tmp_path, monkeypatch):
    import pytest

    from course.grading import execute

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("a = 1")])
    resources = {"metadata": {"path": str(tmp_path)}, "unique_key": "nb"}
    monkeypatch.setattr(execute, "_SANDBOX_PROBLEM", ["`bwrap` is not installed"])
    with pytest.raises(execute.SandboxUnavailable, match="bwrap` is not installed.*c.RobustExecute.sandbox = False"):
        RobustExecute(timeout=60).preprocess(nb, resources)
    monkeypatch.setattr(execute, "_SANDBOX_PROBLEM", [None])
    with pytest.raises(execute.SandboxUnavailable, match="not in a kernel manager handed to it"):
        RobustExecute(timeout=60).preprocess(nb, resources, km=object())


def test_the_sandboxed_kernel_is_nobody_without_network_in_a_private_folder(tmp_path):
    import pytest

    from course.grading.sandbox import sandbox_problem

    if sandbox_problem():
        pytest.skip(sandbox_problem())
    (tmp_path / "json.py").write_text("raise SystemExit('imported')\n")
    code = (f"import os, socket, sys\nprint(os.getuid(), os.getcwd() == {str(tmp_path)!r}, sorted(os.listdir('.')))\n"
            "try:\n    socket.create_connection(('127.0.0.1', 22), timeout=1)\n    print('net')\n"
            "except OSError:\n    print('no net')\nimport json\nprint(json.__file__.startswith(sys.base_prefix))")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb, _ = RobustExecute(timeout=60).preprocess(nb, {"metadata": {"path": str(tmp_path)}, "unique_key": "nb"})
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs)
    assert text.splitlines() == ["65534 True ['json.py']", "no net", "True"], nb.cells[0].outputs
    assert take_faults(str(tmp_path)) == []


def test_the_sandboxed_kernel_draws_a_figure_without_a_word_on_stderr(tmp_path):
    """matplotlib's font lookup runs fontconfig (fc-list): inside the sandbox it must find /etc/fonts,
    or every notebook's first figure prints 'Fontconfig error: Cannot load default config file'."""
    import shutil

    import pytest

    from course.grading.sandbox import sandbox_problem

    if sandbox_problem():
        pytest.skip(sandbox_problem())
    if shutil.which("fc-list") is None or not Path("/etc/fonts/fonts.conf").is_file():
        pytest.skip("no fontconfig on this machine")
    code = ("import matplotlib.pyplot as plt\nimport matplotlib.font_manager as fm\n"
            "fm._load_fontmanager(try_read_cache=False)\nplt.plot([0, 1], [1, 0])\nplt.show()")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb, _ = RobustExecute(timeout=120).preprocess(nb, {"metadata": {"path": str(tmp_path)}, "unique_key": "nb"})
    outputs = nb.cells[0].outputs
    assert [o for o in outputs if o.output_type == "stream" or o.output_type == "error"] == [], outputs
    assert any("image/png" in o.get("data", {}) for o in outputs)
