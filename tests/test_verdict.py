"""The trusted verdict: records written by the check helpers, harvested and re-judged outside the kernel."""

from __future__ import annotations

import os
import pickle

import nbformat
import numpy as np
import pytest
import torch

from course import _recorder, checks
from course.grading import execute, verdict


@pytest.fixture
def record_dir(tmp_path, monkeypatch):
    folder = tmp_path / "records"
    folder.mkdir()
    monkeypatch.setenv("COURSE_RECORD_DIR", str(folder))
    return folder


def _records_of(call, record_dir):
    try:
        call()
    except checks.CheckFailed:
        pass
    return verdict.harvest(record_dir)


def _reference(rec):
    return {"name": rec["name"], "rule": rec["rule"], "params": rec["params"]}


def test_no_records_outside_grading(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSE_RECORD_DIR", raising=False)
    checks.check_close("x", 1.0, 1.0)  # no error, nothing written anywhere
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "value",
    [
        torch.arange(6, dtype=torch.float32).reshape(2, 3),
        torch.nn.Parameter(torch.ones(3, dtype=torch.float64)),
        np.arange(5, dtype=np.int32),
        np.array([[True, False]]),
        np.linspace(0, 1, 4),
        3,
        2.5,
        True,
        np.float32(1.5),
    ],
    ids=["tensor", "parameter", "int32-array", "bool-array", "float-array", "int", "float", "bool", "np-float32"],
)
def test_record_round_trip_keeps_kind_dtype_and_value(value, record_dir):
    [rec] = _records_of(lambda: checks.check_close("v", value, value), record_dir)
    got = verdict._decode(rec["got"])
    assert type(got) is (torch.Tensor if isinstance(value, torch.Tensor) else type(value))
    assert verdict.judge(_reference(rec), rec) is None
    if isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and np.array_equal(got, value)


def test_a_view_is_recorded_without_its_storage(record_dir):
    big = torch.zeros(1000, 1000)
    checks.check_close("view", big[0, :3], torch.zeros(3))
    [path] = list(record_dir.iterdir())
    assert path.stat().st_size < 10_000
    [rec] = verdict.harvest(record_dir)
    assert rec["got"]["value"].shape == (3,)


def test_recording_failure_fails_the_check(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_RECORD_DIR", str(tmp_path / "gone"))
    with pytest.raises(_recorder.RecordingFailed, match="could not record check 'x'"):
        checks.check_close("x", 1.0, 1.0)


def test_harvest_moves_records_out_and_ignores_everything_else(record_dir, tmp_path):
    checks.check_close("a", 1.0, 1.0)
    checks.check_true("b", True, "b holds")
    secret = tmp_path / "secret.pt"
    torch.save({"name": "planted"}, secret)
    os.symlink(secret, record_dir / "999-000001.pt")  # a link: never followed
    os.mkfifo(record_dir / "999-000002.pt")  # a FIFO: never read (would block)
    (record_dir / "999-000003.pt").write_bytes(b"not a pickle")
    (record_dir / "999-000004.pt").write_bytes(pickle.dumps({"name": "x", "rule": "close"}))  # wrong schema

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch /tmp/course-pwned",))

    (record_dir / "999-000005.pt").write_bytes(pickle.dumps(Evil()))  # weights_only refuses it
    (record_dir / "notes.txt").write_text("x")
    (record_dir / "sub").mkdir()
    records = verdict.harvest(record_dir)
    assert [r["name"] for r in records] == ["a", "b"]
    assert list(record_dir.iterdir()) == []
    assert secret.exists() and not os.path.exists("/tmp/course-pwned")


def test_harvest_of_a_missing_folder_is_empty(tmp_path):
    assert verdict.harvest(tmp_path / "nope") == []


def _judge_student(reference_call, student_call, record_dir):
    [ref] = _records_of(reference_call, record_dir)
    student = _records_of(student_call, record_dir)
    return verdict.judge(_reference(ref), student[0] if student else None)


def test_judge_close_uses_the_reference_expected_value_and_tolerance(record_dir):
    expected = torch.tensor([1.0, 2.0])
    ok = _judge_student(lambda: checks.check_close("c", expected.clone(), expected),
                        lambda: checks.check_close("c", expected + 1e-7, expected), record_dir)
    assert ok is None
    # the student's kernel claimed a different expected value: the reference's counts
    bad = _judge_student(lambda: checks.check_close("c", expected.clone(), expected),
                         lambda: checks.check_close("c", expected + 1, expected + 1), record_dir)
    assert bad is not None and "check 'c' failed" in bad and "max abs error 1" in bad
    dtype = _judge_student(lambda: checks.check_close("c", expected.clone(), expected),
                           lambda: checks.check_close("c", expected.double(), expected.double()), record_dir)
    assert "dtype" in dtype


def test_judge_type_shape_true_at_least(record_dir):
    p = torch.nn.Parameter(torch.zeros(2))
    assert _judge_student(lambda: checks.check_type("t", p, torch.nn.Parameter),
                          lambda: checks.check_type("t", p, torch.nn.Parameter), record_dir) is None
    msg = _judge_student(lambda: checks.check_type("t", p, torch.nn.Parameter),
                         lambda: checks.check_type("t", torch.zeros(2), torch.Tensor), record_dir)
    assert "expected a Parameter, got a torch.Tensor" in msg
    msg = _judge_student(lambda: checks.check_shape("s", torch.zeros(2, 3), (2, 3)),
                         lambda: checks.check_shape("s", torch.zeros(3, 2), (3, 2)), record_dir)
    assert "expected shape (2, 3), got shape (3, 2)" in msg
    msg = _judge_student(lambda: checks.check_true("b", True, "loss decreases"),
                         lambda: checks.check_true("b", False, "loss decreases"), record_dir)
    assert "loss decreases" in msg
    msg = _judge_student(lambda: checks.check_at_least("acc", 0.9, 0.84),
                         lambda: checks.check_at_least("acc", 0.5, 0.1), record_dir)
    assert "expected at least 0.84, got 0.5" in msg
    msg = _judge_student(lambda: checks.check_close("x", 1.0, 1.0),
                         lambda: checks.check_close("x", "1.0", 1.0), record_dir)
    assert "got a str" in msg


def test_judge_missing_and_other_rule(record_dir):
    [ref] = _records_of(lambda: checks.check_close("x", 1.0, 1.0), record_dir)
    assert "did not run" in verdict.judge(_reference(ref), None)
    [other] = _records_of(lambda: checks.check_true("x", True, "m"), record_dir)
    assert "different kind of check" in verdict.judge(_reference(ref), other)


def _test_cell(grade_id, outputs):
    cell = nbformat.v4.new_code_cell("check_close('x', f(1.0), 2.0)")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "grade_id": grade_id,
                                 "points": 1, "schema_version": 3}
    cell.outputs = outputs
    return cell


def _run_verdict(monkeypatch, record_dir, student_calls, outputs, died_at=None):
    [ref] = _records_of(lambda: checks.check_close("x", 2.0, 2.0), record_dir)
    manifest = {"cells": {"test_f": [_reference(ref)]}}
    monkeypatch.setattr(verdict, "load_manifest", lambda *a, **k: manifest)
    records = []
    for call in student_calls:
        records += _records_of(call, record_dir)
    nb = nbformat.v4.new_notebook(cells=[_test_cell("test_f", outputs)])
    resources = {"course_recording": True, "course_records": {"test_f": records},
                 "nbgrader": {"assignment": "a", "notebook": "n"}, "metadata": {"path": "/x"}, "unique_key": "n"}
    if died_at is not None:
        resources["course_died_at"] = died_at
    verdict.TrustedVerdict().preprocess(nb, resources)
    return nb.cells[0], execute.take_faults("/x/n")


def test_verdict_passes_a_correct_cell_and_rewrites_its_outputs(monkeypatch, record_dir):
    leak = nbformat.v4.new_output("stream", name="stdout", text="hidden source: check_close(...)")
    cell, faults = _run_verdict(monkeypatch, record_dir, [lambda: checks.check_close("x", 2.0, 2.0)], [leak])
    assert faults == []
    assert [o.output_type for o in cell.outputs] == ["stream"] and "1 checks passed (x)" in cell.outputs[0].text


def test_verdict_fails_a_cell_that_passed_in_a_tampered_kernel(monkeypatch, record_dir):
    cell, faults = _run_verdict(monkeypatch, record_dir, [lambda: checks.check_close("x", 3.0, 3.0)], [])
    assert [o.output_type for o in cell.outputs] == ["error"] and "check 'x' failed" in cell.outputs[0].evalue
    assert [f.kind for f in faults] == ["TAMPERED"]
    cell, faults = _run_verdict(monkeypatch, record_dir, [], [])  # the test was disabled: no record
    assert "did not run" in cell.outputs[0].evalue and [f.kind for f in faults] == ["TAMPERED"]


def test_verdict_every_record_of_a_check_must_pass(monkeypatch, record_dir):
    calls = [lambda: checks.check_close("x", 2.0, 2.0), lambda: checks.check_close("x", 5.0, 2.0)]
    error = nbformat.v4.new_output("error", ename="CheckFailed", evalue="check 'x' failed", traceback=[])
    cell, faults = _run_verdict(monkeypatch, record_dir, calls, [error])
    assert cell.outputs[0].output_type == "error" and faults == []


def test_verdict_keeps_the_kernel_error_and_reports_missing_records(monkeypatch, record_dir):
    died = nbformat.v4.new_output("error", ename="KernelDied", evalue="the kernel died", traceback=[])
    cell, faults = _run_verdict(monkeypatch, record_dir, [], [died], died_at=0)
    assert cell.outputs == [died]
    assert [f.kind for f in faults] == ["MISSING"]
