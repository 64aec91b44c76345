"""The autograde step that cleans test-cell outputs."""

from __future__ import annotations

import nbformat

from course.grading.preprocessors import (
    REDACTED,
    RedactHiddenTests,
    SanitizeTestOutputs,
    sanitize_test_outputs,
    score_test_cell,
)


def _test_cell(outputs, count=7):
    cell = nbformat.v4.new_code_cell("check_close('x', f(1), 2)\n### BEGIN HIDDEN TESTS\nsecret_line()\n### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": "test_f",
                                 "points": 2, "schema_version": 3, "task": False}
    cell.execution_count = count
    cell.outputs = outputs
    return cell


def _error(frames):
    return nbformat.v4.new_output("error", ename="CheckFailed", evalue="check 'x' failed: expected 2, got 1", traceback=frames)


def test_stderr_alone_no_longer_zeroes_a_test_cell():
    cell = _test_cell([nbformat.v4.new_output("stream", name="stderr", text="UserWarning: secret_line()\n"),
                       nbformat.v4.new_output("stream", name="stdout", text="visible tests passed\n")])
    assert score_test_cell(cell) == (2.0, 2.0)
    assert [o.name for o in cell.outputs] == ["stdout"]


def test_error_keeps_message_and_student_frames_drops_test_cell_frames():
    frames = [
        "\x1b[0;31m---------\x1b[0m",
        "\x1b[0;31mCheckFailed\x1b[0m Traceback (most recent call last)",
        "Cell \x1b[0;32mIn[7], line 3\x1b[0m\n----> 3 secret_line()\n",
        "Cell \x1b[0;32mIn[4], line 2\x1b[0m, in f(x)\n----> 2 return x\n",
        "File \x1b[0;32m/repo/course/checks.py:200\x1b[0m, in check_close(...)\n",
        "\x1b[0;31mCheckFailed\x1b[0m: check 'x' failed: expected 2, got 1",
    ]
    cell = _test_cell([_error(frames)])
    assert score_test_cell(cell) == (0.0, 2.0)
    tb = cell.outputs[0].traceback
    assert tb[-1] == "CheckFailed: check 'x' failed: expected 2, got 1"
    assert any("In[4]" in f for f in tb)
    assert not any("secret_line" in f or "In[7]" in f or "checks.py" in f for f in tb)


def test_non_test_cells_untouched():
    cell = nbformat.v4.new_code_cell("print(1)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="warning\n")]
    SanitizeTestOutputs().preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].name == "stderr"
    sanitize_test_outputs(_test_cell([]))


def test_outputs_of_every_cell_lose_lines_that_quote_a_hidden_test():
    student = nbformat.v4.new_code_cell("print(seen)")
    student.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="check_close('x', f(1), 2)\n>>> secret_line()\nok\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "'secret_line()'"}, execution_count=3),
        nbformat.v4.new_output("error", ename="E", evalue="secret_line() x", traceback=["E: secret_line() x"]),
    ]
    nb = nbformat.v4.new_notebook(cells=[student, _test_cell([])])
    RedactHiddenTests().preprocess(nb, {})
    out = student.outputs
    assert out[0].text == f"check_close('x', f(1), 2)\n{REDACTED}\nok\n"  # visible lines stay
    assert out[1].data["text/plain"] == REDACTED
    assert out[2].evalue == REDACTED and out[2].traceback == [REDACTED]
