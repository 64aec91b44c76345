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


def _records_of(call, record_dir):
    try:
        call()
    except checks.CheckFailed:
        pass
    return verdict.harvest(record_dir)


def _reference(rec):
    return verdict._reference(rec)


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
    checks.check_equal("b", True, True, message="b holds")
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
    msg = _judge_student(lambda: checks.check_equal("b", True, message="the loss must decrease"),
                         lambda: checks.check_equal("b", False, True, message="forged message"), record_dir)
    assert "the loss must decrease" in msg and "forged" not in msg  # the manifest's message, not the kernel's
    msg = _judge_student(lambda: checks.check_at_least("acc", 0.9, 0.84),
                         lambda: checks.check_at_least("acc", 0.5, 0.1), record_dir)
    assert "expected at least 0.84, got 0.5" in msg
    msg = _judge_student(lambda: checks.check_close("x", 1.0, 1.0),
                         lambda: checks.check_close("x", "1.0", 1.0), record_dir)
    assert "got a str" in msg


def test_judge_missing_and_other_rule(record_dir):
    [ref] = _records_of(lambda: checks.check_close("x", 1.0, 1.0), record_dir)
    assert "did not run" in verdict.judge(_reference(ref), None)
    [other] = _records_of(lambda: checks.check_equal("x", True, True), record_dir)
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
    # a visible check (the kernel judged it) that fails here while the cell ended without error
    cell, faults = _run_verdict(monkeypatch, record_dir, [lambda: checks.check_close("x", 3.0, 3.0)], [])
    assert [o.output_type for o in cell.outputs] == ["error"] and "check 'x' failed" in cell.outputs[0].evalue
    assert [f.kind for f in faults] == ["TAMPERED"]
    assert "TAMPERED" not in cell.outputs[0].evalue and "tamper" not in cell.outputs[0].evalue.lower()
    cell, faults = _run_verdict(monkeypatch, record_dir, [], [])  # the test was disabled: no record
    assert "did not run" in cell.outputs[0].evalue and [f.kind for f in faults] == ["TAMPERED"]


def test_a_failing_hidden_check_is_a_plain_failure_never_tampering(monkeypatch, record_dir):
    # the reference is the solution's value: the kernel never had it, so the kernel passed the cell
    [ref] = _records_of(lambda: checks.check_close("h", torch.tensor([1.0, 4.0])), record_dir)
    manifest = {"cells": {"test_f": [_reference(ref)]}}
    assert manifest["cells"]["test_f"][0]["params"]["expected"]["value"].tolist() == [1.0, 4.0]
    monkeypatch.setattr(verdict, "load_manifest", lambda *a, **k: manifest)
    records = _records_of(lambda: checks.check_close("h", torch.tensor([1.0, 5.0])), record_dir)
    assert records[0]["params"]["expected"] is None  # the kernel never holds a hidden expected value
    nb = nbformat.v4.new_notebook(cells=[_test_cell("test_f", [])])
    resources = {"course_recording": True, "course_records": {"test_f": records},
                 "nbgrader": {"assignment": "a", "notebook": "n"}, "metadata": {"path": "/y"}, "unique_key": "n"}
    verdict.TrustedVerdict().preprocess(nb, resources)
    assert "check 'h' failed" in nb.cells[0].outputs[0].evalue and "expected 4, got 5" in nb.cells[0].outputs[0].evalue
    assert execute.take_faults("/y/n") == []


def test_a_check_skipped_by_an_error_is_not_tampering(monkeypatch, record_dir):
    boom = nbformat.v4.new_output("error", ename="NotImplementedError", evalue="", traceback=[])
    cell, faults = _run_verdict(monkeypatch, record_dir, [], [boom])
    assert faults == [] and cell.outputs[0].evalue.startswith("NotImplementedError")
    assert "Hint: Not answered yet" in cell.outputs[0].evalue  # the grader's diagnosis of an unanswered exercise


def test_verdict_every_record_of_a_check_must_pass(monkeypatch, record_dir):
    calls = [lambda: checks.check_close("x", 2.0, 2.0), lambda: checks.check_close("x", 5.0, 2.0)]
    error = nbformat.v4.new_output("error", ename="CheckFailed", evalue="check 'x' failed", traceback=[])
    cell, faults = _run_verdict(monkeypatch, record_dir, calls, [error])
    assert cell.outputs[0].output_type == "error" and faults == []


def test_verdict_keeps_the_kernel_error_and_reports_missing_records(monkeypatch, record_dir):
    died = nbformat.v4.new_output("error", ename="KernelDied", evalue="the kernel died", traceback=[])
    cell, faults = _run_verdict(monkeypatch, record_dir, [], [died], died_at=0)
    assert cell.outputs[0].output_type == "error" and cell.outputs[0].evalue == "the kernel died"
    assert [f.kind for f in faults] == ["MISSING"]


def _judge(call_ref, call_student, record_dir):
    return _judge_student(call_ref, call_student, record_dir)


def test_rules_equal_accuracy_moments_agree_distinct(record_dir):
    assert _judge(lambda: checks.check_equal("e", [True, 3]), lambda: checks.check_equal("e", (True, 3)), record_dir) is None
    msg = _judge(lambda: checks.check_equal("e", [True, 3]), lambda: checks.check_equal("e", [1, 3]), record_dir)
    assert "expected [True, 3], got [1, 3]" in msg  # type-strict: 1 is not True
    labels = torch.arange(100) % 7
    good = labels.clone()
    good[:5] = 0
    ref = lambda: checks.check_accuracy("acc", labels, labels, 0.9)  # noqa: E731
    assert _judge(ref, lambda: checks.check_accuracy("acc", good, labels, 0.9), record_dir) is None
    # the kernel claims other labels and a lower floor: the manifest's labels and floor count
    msg = _judge(ref, lambda: checks.check_accuracy("acc", torch.zeros(100, dtype=torch.long), torch.zeros(100, dtype=torch.long), 0.0),
                 record_dir)
    assert "below 0.9" in msg
    g = torch.Generator().manual_seed(0)
    w = 0.5 * torch.randn(300, 400, generator=g)
    moments = lambda t: lambda: checks.check_moments("m", t, mean=0.0, std=0.5, mean_atol=0.01, std_rtol=0.02)  # noqa: E731
    assert _judge(moments(w), moments(0.5 * torch.randn(300, 400)), record_dir) is None
    assert "standard deviation" in _judge(moments(w), lambda: checks.check_moments("m", w * 2, mean=0.0, std=1.0,
                                                                                      mean_atol=0.01, std_rtol=0.02), record_dir)
    a = torch.ones(3)
    assert _judge(lambda: checks.check_agree("ag", a, a), lambda: checks.check_agree("ag", a * 2, a * 2), record_dir) is None
    assert "differ" in _judge(lambda: checks.check_agree("ag", a, a), lambda: _forged_agree(a), record_dir)
    msg = _judge(lambda: checks.check_distinct("d", a, a + 1), lambda: checks.check_distinct("d", a, a.clone()), record_dir)
    assert "identical" in msg


def _forged_agree(a):
    from course import _recorder

    _recorder.record("ag", "agree", a, other=a * 3, rtol=None, atol=None)


def test_records_that_inflate_or_are_too_large_are_refused(record_dir):
    import io
    import zipfile

    checks.check_close("a", torch.ones(3), torch.ones(3))
    [good] = list(record_dir.iterdir())
    data = good.read_bytes()
    # the same archive with DEFLATE entries: a zip bomb would inflate far beyond its size on disk
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info.filename, src.read(info.filename))
    (record_dir / "999-000001.pt").write_bytes(out.getvalue())
    budget = verdict.RecordBudget(cell_bytes=len(data) + 10)
    records = verdict.harvest(record_dir, budget)
    assert [r["name"] for r in records] == ["a"] and budget.dropped == 1
    checks.check_close("b", torch.ones(3), torch.ones(3))
    checks.check_close("c", torch.ones(3), torch.ones(3))
    budget = verdict.RecordBudget(cell_bytes=len(data) + 10)  # room for one record, not two
    assert [r["name"] for r in verdict.harvest(record_dir, budget)] == ["b"] and budget.dropped == 1


def test_not_using_is_judged_on_the_submitted_source(record_dir):
    from course.grading.verdict import judge_static

    ref = {"name": "relu.uses", "rule": "not_using", "params": {"target": "relu", "forbidden": ["torch.relu", ".relu"],
                                                                "why": "write it by hand"}, "visible": True}
    ok = ["import torch", "def relu(x):\n    return torch.clamp(x, min=0)"]
    assert judge_static(ref, ok) is None
    bad = ["import torch as t", "def relu(x):\n    return t.relu(x)"]
    assert "relu uses torch.relu" in judge_static(ref, bad) and "write it by hand" in judge_static(ref, bad)
    assert ".relu" in judge_static(ref, ["def relu(x):\n    return x.relu()"])
    assert "no cell defines relu" in judge_static(ref, ["x = 1"])
    assert "torch.relu" in judge_static(ref, ["import torch", "relu = torch.relu"])
    sneaky = ["import torch", "def relu(x):\n    return getattr(torch, 're' + 'lu')(x)"]
    assert "computed name" in judge_static(ref, sneaky)


def test_manifest_holds_plain_types_and_is_read_back_from_the_cache(tmp_path, monkeypatch):
    from course.grading.nbtext import from_text

    root = tmp_path / "course"
    (root / "source" / "t").mkdir(parents=True)
    text = (
        "# %% code solution id=f\ndef f(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n\n"
        "# %% code test id=test_f points=1\nfrom course.checks import check_close\n\n"
        "check_close('f.visible', f(1.0), 2.0)\n### BEGIN HIDDEN TESTS\ncheck_close('f.hidden', f(3.0))\n### END HIDDEN TESTS\n"
    )
    nbformat.write(from_text(text), str(root / "source" / "t" / "t.ipynb"))
    monkeypatch.setenv("COURSE_MANIFEST_CACHE", str(tmp_path / "cache"))
    first = verdict.load_manifest(root, "t", "t")
    assert [r["name"] for r in first["cells"]["test_f"]] == ["f.visible", "f.hidden"]
    assert verdict._decode(first["cells"]["test_f"][1]["params"]["expected"]) == 6.0
    monkeypatch.setattr(verdict, "build_manifest", lambda *a, **k: pytest.fail("the cached manifest was not used"))
    assert verdict.load_manifest(root, "t", "t") == first


def test_manifest_key_reads_versions_without_importing_and_without_metadata(monkeypatch):
    """The cache key names the installed torch and numpy; from their metadata (no import), or from the
    packages themselves when a build has no metadata."""
    from importlib import metadata

    import numpy

    from course.grading import manifests

    assert manifests.versions() == (f"format {manifests.MANIFEST_FORMAT}; torch {metadata.version('torch')}; "
                                     f"numpy {metadata.version('numpy')}")

    def no_metadata(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", no_metadata)
    assert manifests.versions().endswith(f"; numpy {numpy.__version__}")
