"""Submissions that try to break the batch: each ends in the expected score and report entry.

A tiny assignment (tests/adversarial/adv.txt: double 1 pt, square 2 pts, cube 1 pt) keeps each
case to a kernel start. Every case is graded in one run of ``course autograde``'s batch function,
with a 10 s per-cell timeout.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from course.grading.autograde import Limits, autograde
from course.grading.build import build
from course.grading.coursedir import Course
from course.grading.nbtext import from_text
from course.grading.sandbox import sandbox_problem

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FULL = {"test_double": 1.0, "test_square": 2.0, "test_cube": 1.0}

pytestmark = [
    pytest.mark.xdist_group("adversarial"),
    pytest.mark.skipif(sandbox_problem() is not None, reason=f"no sandbox here: {sandbox_problem()}"),
]


def _cells_by_id(nb):
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


def _with(nb, **sources):
    out = copy.deepcopy(nb)
    cells = _cells_by_id(out)
    for gid, src in sources.items():
        cells[gid].source = src
    return out


def _write(nb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


def _case_control(sol, rel, d):
    _write(sol, d / "adv.ipynb")


def _case_unsolved(sol, rel, d):
    _write(rel, d / "adv.ipynb")


def _case_corrupt_json(sol, rel, d):
    d.mkdir(parents=True)
    text = nbformat.writes(sol)
    (d / "adv.ipynb").write_text(text[: len(text) // 2])


def _case_png_renamed(sol, rel, d):
    d.mkdir(parents=True)
    (d / "adv.ipynb").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def _case_json_not_notebook(sol, rel, d):
    d.mkdir(parents=True)
    (d / "adv.ipynb").write_text(json.dumps({"answer": 42}))


def _case_nbformat3(sol, rel, d):
    d.mkdir(parents=True)
    v3 = nbformat.convert(copy.deepcopy(sol), 3)
    (d / "adv.ipynb").write_text(nbformat.writes(v3, version=3))


def _case_missing(sol, rel, d):
    d.mkdir(parents=True)
    (d / "notes.txt").write_text("I forgot the notebook")


def _case_renamed(sol, rel, d):
    _write(sol, d / "adv (1).ipynb")


def _case_not_utf8(sol, rel, d):
    d.mkdir(parents=True)
    nb = copy.deepcopy(sol)
    nb.cells[0].source += "\n\nCafé"
    (d / "adv.ipynb").write_bytes(nbformat.writes(nb).encode("latin-1"))


def _case_utf8_bom(sol, rel, d):
    d.mkdir(parents=True)
    (d / "adv.ipynb").write_bytes(b"\xef\xbb\xbf" + nbformat.writes(sol).encode("utf-8"))


def _case_huge(sol, rel, d):
    d.mkdir(parents=True)
    with open(d / "adv.ipynb", "wb") as fh:  # 200 MB, sparse: never read by the grader
        fh.truncate(200 * 2**20)


def _case_duplicated_ids(sol, rel, d):
    nb = copy.deepcopy(sol)
    cells = _cells_by_id(nb)
    nb.cells.append(copy.deepcopy(cells["double"]))
    nb.cells[-1]["id"] = "copied-cell"
    _write(nb, d / "adv.ipynb")


def _case_deleted_test_after_locked_cell(sol, rel, d):
    nb = copy.deepcopy(sol)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "test_square"]
    _write(nb, d / "adv.ipynb")


def _case_edited_test(sol, rel, d):
    nb = _with(rel, double=_cells_by_id(sol)["double"].source, test_square="pass  # all good")
    _write(nb, d / "adv.ipynb")


def _case_changed_cell_type(sol, rel, d):
    nb = copy.deepcopy(sol)
    cell = _cells_by_id(nb)["test_cube"]
    cell.cell_type = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)
    _write(nb, d / "adv.ipynb")


def _case_symlinks(sol, rel, d):
    _write(sol, d / "adv.ipynb")
    os.symlink("/etc/passwd", d / "secrets.txt")


def _case_notebook_is_symlink(sol, rel, d):
    d.mkdir(parents=True)
    os.symlink(REPO / "source", d / "adv.ipynb")


def _case_infinite_loop(sol, rel, d):
    _write(_with(sol, square="while True:\n    pass\n\ndef square(x):\n    return x * x"), d / "adv.ipynb")


def _case_os_exit(sol, rel, d):
    _write(_with(sol, square="import os\n\nos._exit(0)"), d / "adv.ipynb")


def _case_segfault(sol, rel, d):
    _write(_with(sol, square="import ctypes\n\nctypes.string_at(0)"), d / "adv.ipynb")


def _case_read_source(sol, rel, d, root):
    secret = root / "source" / "adv" / "adv.ipynb"
    _write(_with(sol, square=f"print(open({str(secret)!r}).read()[:200])\n\ndef square(x):\n    return x * x"),
           d / "adv.ipynb")


def _case_read_manifest(sol, rel, d, root):
    # the trusted verdict's reference values: built before the batch, out of the sandbox's sight
    from course.grading.verdict import manifest_path

    secret = manifest_path(root, "adv", "adv")
    code = f"print(open({str(secret)!r}, 'rb').read()[:200])\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_tamper_gradebook(sol, rel, d, root):
    db = root / "gradebook.db"
    code = f"import os\n\nos.remove({str(db)!r})\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_write_home(sol, rel, d, root):
    code = "open('/root/planted.txt', 'w').write('x')\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_network(sol, rel, d, root):
    code = "import socket\n\nsocket.create_connection(('127.0.0.1', 22), timeout=2)\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_scratch_symlink(sol, rel, d, root):
    # writes go to a scratch copy: a symlink planted in the working folder never reaches autograded/
    code = ("import os\n\nos.symlink('/etc/passwd', 'adv.ipynb.link')\nopen('planted.txt', 'w').write('x')\n\n"
            "def square(x):\n    return x * x")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_memory_bomb(sol, rel, d, root):
    _write(_with(sol, square="blob = bytearray(3 * 2**30)"), d / "adv.ipynb")


def _case_fork_bomb(sol, rel, d, root):
    code = "import os, time\n\nwhile True:\n    if os.fork() == 0:\n        time.sleep(60)\n        os._exit(0)"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_print_huge(sol, rel, d, root):
    code = "print('x' * 300_000_000)\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_print_flood(sol, rel, d, root):
    code = "for _ in range(200_000):\n    print('y' * 200)\n\ndef square(x):\n    return x * x"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_sys_exit(sol, rel, d):
    _write(_with(sol, square="import sys\n\nsys.exit(1)"), d / "adv.ipynb")


def _case_disable_tests(sol, rel, d):
    # turns every later cell that calls a check into `pass`: the kernel sees no failure at all
    code = ("ip = get_ipython()\n\n\ndef disable(lines):\n"
            "    return ['pass\\n'] if 'check_close' in ''.join(lines) else lines\n\n\n"
            "ip.input_transformers_cleanup.append(disable)\n\n\ndef square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_hide_errors(sol, rel, d):
    # a wrong answer whose errors are swallowed: nbgrader's own guard fails the cell in the kernel
    code = ("ip = get_ipython()\n"
            "ip.set_custom_exc((Exception,), lambda *args, **kwargs: None)\n\n\n"
            "def square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_early_records(sol, rel, d):
    # passing records planted before the test cell, then the tests disabled: they do not count
    code = ("from course.checks import check_close\n\n"
            "check_close('square.visible', 9.0, 9.0)\ncheck_close('square.hidden', 0.25, 0.25)\n"
            "ip = get_ipython()\n\n\ndef disable(lines):\n"
            "    return ['pass\\n'] if 'check_close' in ''.join(lines) else lines\n\n\n"
            "ip.input_transformers_cleanup.append(disable)\n\n\ndef square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_leak_tests(sol, rel, d):
    # a pre-run hook keeps the source of every cell; a later cell of the student prints it
    code = ("seen = []\nget_ipython().events.register('pre_run_cell', lambda info: seen.append(info.raw_cell))\n\n\n"
            "def square(x):\n    return x * x")
    cube = "print('\\n'.join(seen))\n\n\ndef cube(x):\n    return x ** 3"
    _write(_with(sol, square=code, cube=cube), d / "adv.ipynb")


def _case_patch_checks(sol, rel, d):
    code = ("import course.checks\n\ncourse.checks.check_close = lambda *args, **kwargs: None\n\n\n"
            "def square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


# --- the kernel may know inputs, never expected values: forging a record needs the answer itself


def _case_record_expected(sol, rel, d):
    # an AST transformer that makes every check record its own expected argument
    code = ("import ast\n\n\nclass Forge(ast.NodeTransformer):\n    def visit_Call(self, node):\n"
            "        self.generic_visit(node)\n"
            "        if getattr(node.func, 'id', '') == 'check_close' and len(node.args) >= 3:\n"
            "            node.args[1] = node.args[2]  # a hidden check has no expected argument to copy\n"
            "        return node\n\n\nget_ipython().ast_transformers.append(Forge())\n\n\n"
            "def square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_profile_hook(sol, rel, d):
    # a profile hook that rewrites the helper's argument on entry: nothing patched, no IPython hook
    code = ("import ctypes\nimport sys\n\n\ndef hook(frame, event, arg):\n"
            "    if event == 'call' and frame.f_code.co_name == 'check_close':\n"
            "        loc = frame.f_locals\n"
            "        if 'REFERENCE' not in repr(loc.get('expected')):\n"
            "            loc['got'] = loc['expected']\n"
            "            ctypes.pythonapi.PyFrame_LocalsToFast(ctypes.py_object(frame), ctypes.c_int(0))\n\n\n"
            "sys.setprofile(hook)\n\n\ndef square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_patched_recorder(sol, rel, d):
    code = ("from course import _recorder\n\n_real = _recorder.record\n\n\n"
            "def forged(name, rule, value, **params):\n"
            "    return _real(name, rule, params['expected'] if params.get('expected') is not None else value, **params)\n\n\n"
            "_recorder.record = forged\n\n\ndef square(x):\n    return x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


# --- root on the host: nothing a student hands in runs outside the sandbox


HOST_MARKER = Path("/root/course-adv-host-code-ran")


def _case_host_modules(sol, rel, d):
    _write(sol, d / "adv.ipynb")
    payload = f"open({str(HOST_MARKER)!r}, 'w').write('ran as root')\n"
    for name in ("json.py", "site.py", "sitecustomize.py", "signal.py", "subprocess.py", "pathlib.py", "course.py"):
        (d / name).write_text(payload)
    (d / "course").mkdir()
    (d / "course" / "__init__.py").write_text(payload)


def _case_ipc_plant(sol, rel, d, root):
    # plant links in the kernel's own ipc folder and try its parent: the next kernel must not care
    code = ("import json, os, sys\n\n"
            "conn = sys.argv[sys.argv.index('-f') + 1]\n"
            "ipc = os.path.dirname(json.load(open(conn))['ip'])\n"
            f"for target in ({str(root)!r}, '/', '/root'):\n"
            "    for where in (ipc, os.path.dirname(ipc)):\n"
            "        try:\n            os.symlink(target, os.path.join(where, 'kernel-' + str(len(target))))\n"
            "        except OSError:\n            pass\n\n\n"
            "def square(x):\n    return x * x")
    _write(_with(sol, square=code), d / "adv.ipynb")


HOME_SECRET = Path("/root/course-adv-secret.txt")


def _case_zz_reader(sol, rel, d, root):
    # graded after every attacker: scores full marks only if it can reach nothing of the course
    code = ("import os\n\nreached = []\n"
            f"for path in ({str(root / 'source' / 'adv' / 'adv.ipynb')!r}, {str(root / 'gradebook.db')!r}, "
            f"{str(HOME_SECRET)!r}, {str(root / 'source')!r}):\n"
            "    try:\n        os.listdir(path) if os.path.isdir(path) else open(path, 'rb').read(1)\n"
            "        reached.append(path)\n    except OSError:\n        pass\n\n\n"
            "def square(x):\n    return x * x if not reached else x + 1")
    _write(_with(sol, square=code), d / "adv.ipynb")


# --- one notebook never stops the batch, and a correct one is never lost to its metadata


def _case_deep_nesting(sol, rel, d):
    d.mkdir(parents=True)
    text = nbformat.writes(sol)
    deep = "[" * 100_000 + "]" * 100_000
    (d / "adv.ipynb").write_text(text.replace('"metadata": {', '"metadata": {"x": ' + deep + ", ", 1))


def _case_metadata_string(sol, rel, d):
    nb = copy.deepcopy(sol)
    _cells_by_id(nb)["square"].metadata["nbgrader"] = "evil"
    _write(nb, d / "adv.ipynb")


def _case_grade_id_list(sol, rel, d):
    nb = copy.deepcopy(sol)
    _cells_by_id(nb)["test_square"].metadata["nbgrader"]["grade_id"] = ["test_square"]
    d.mkdir(parents=True)
    (d / "adv.ipynb").write_text(json.dumps(nb))


def _case_solution_flag_on_test(sol, rel, d):
    nb = copy.deepcopy(sol)
    _cells_by_id(nb)["test_cube"].metadata["nbgrader"]["solution"] = True
    _write(nb, d / "adv.ipynb")


def _case_extra_graded_cell(sol, rel, d):
    nb = copy.deepcopy(sol)
    extra = nbformat.v4.new_code_cell("print('bonus')")
    extra.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "points": 5, "solution": False,
                                  "locked": False, "schema_version": 3}
    nb.cells.append(extra)
    _write(nb, d / "adv.ipynb")


def _case_outputs_null(sol, rel, d):
    data = json.loads(nbformat.writes(sol))
    data["cells"][0]["outputs"] = None  # a markdown cell with outputs: null (nbformat's schema says no)
    d.mkdir(parents=True)
    (d / "adv.ipynb").write_text(json.dumps(data))


# --- resources: the grader's memory and the host's disk


def _case_record_bomb(sol, rel, d):
    # records that would inflate to gigabytes (DEFLATE), written while the test cell runs
    code = ("import os, zipfile\n\n\ndef square(x):\n    folder = os.environ.get('COURSE_RECORD_DIR')\n"
            "    if folder and not os.path.exists(os.path.join(folder, '1-900000.pt')):\n"
            "        for i in range(5):\n"
            "            with zipfile.ZipFile(os.path.join(folder, f'1-90000{i}.pt'), 'w', zipfile.ZIP_DEFLATED) as z:\n"
            "                z.writestr('archive/data.pkl', bytes(64 * 2**20))\n"
            "    return x * x")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_disk_fill(sol, rel, d):
    code = ("import os\n\nfor path in ('big.bin', '/tmp/big.bin', os.path.join(os.environ.get('COURSE_RECORD_DIR', '/tmp'), 'x')):\n"
            "    try:\n        with open(path, 'wb') as fh:\n            for _ in range(3 * 1024):\n"
            "                fh.write(bytes(2**20))\n    except OSError:\n        pass\n\n\n"
            "def square(x):\n    return x * x")
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_sigint_ignored(sol, rel, d):
    code = "import signal\n\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass"
    _write(_with(sol, square=code), d / "adv.ipynb")


def _case_huge_error(sol, rel, d):
    _write(_with(sol, square="raise ValueError('x' * 60_000_000)"), d / "adv.ipynb")


def _case_many_outputs(sol, rel, d):
    nb = copy.deepcopy(sol)
    for _ in range(8):  # each under the per-cell cap, together over the per-notebook cap
        nb.cells.insert(1, nbformat.v4.new_code_cell("print('z' * 9_000_000)"))
    _write(nb, d / "adv.ipynb")


# --- what reaches a person: no live script, no terminal control sequences


def _case_active_content(sol, rel, d):
    nb = copy.deepcopy(sol)
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(
        "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
        "<iframe srcdoc=\"<script>alert(4)</script>\"></iframe> $x<y$"))
    code = ("from IPython.display import HTML, Javascript, Markdown, SVG, display\n\n"
            "display(Javascript('alert(5)'))\ndisplay(HTML('<img src=x onerror=alert(6)>'))\n"
            "display(Markdown('<script>alert(7)</script>'))\n"
            "display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(8)\"></svg>'))\n\n\n"
            "def square(x):\n    return x * x")
    _write(_with(nb, square=code), d / "adv.ipynb")


def _case_control_chars(sol, rel, d):
    code = "def square(x):\n    raise ValueError('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[1;1H')"
    _write(_with(sol, square=code), d / "adv.ipynb")


# student -> (builder, status, scores, a phrase the report must contain)
CASES = {
    "control": (_case_control, "GRADED", FULL, None),
    "unsolved": (_case_unsolved, "GRADED", {"test_double": 0, "test_square": 0, "test_cube": 0}, None),
    "corrupt-json": (_case_corrupt_json, "INVALID", {}, "not valid JSON"),
    "png-renamed": (_case_png_renamed, "INVALID", {}, "not UTF-8"),
    "json-not-notebook": (_case_json_not_notebook, "INVALID", {}, "not a Jupyter notebook"),
    "nbformat3": (_case_nbformat3, "GRADED", FULL, "upgraded to nbformat 4"),
    "missing": (_case_missing, "MISSING", {}, "adv.ipynb is missing"),
    "renamed": (_case_renamed, "GRADED", FULL, "renamed notebook"),
    "not-utf8": (_case_not_utf8, "INVALID", {}, "not UTF-8"),
    "utf8-bom": (_case_utf8_bom, "GRADED", FULL, None),
    "huge": (_case_huge, "INVALID", {}, "over the 20 MB limit"),
    "duplicated-ids": (_case_duplicated_ids, "GRADED", FULL, "duplicated cells double"),
    "deleted-test": (_case_deleted_test_after_locked_cell, "GRADED", FULL, None),
    "edited-test": (_case_edited_test, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 0}, None),
    "changed-cell-type": (_case_changed_cell_type, "GRADED", FULL, None),
    "symlinks": (_case_symlinks, "GRADED", FULL, "not graded, not copied: secrets.txt"),
    "notebook-is-symlink": (_case_notebook_is_symlink, "INVALID", {}, "symbolic link"),
    "infinite-loop": (_case_infinite_loop, "TIMEOUT", {"test_double": 1, "test_square": 0, "test_cube": 1}, "TIMEOUT"),
    "os-exit": (_case_os_exit, "KERNEL DIED", {"test_double": 1, "test_square": 0, "test_cube": 0}, "kernel died"),
    "segfault": (_case_segfault, "KERNEL DIED", {"test_double": 1, "test_square": 0, "test_cube": 0}, "kernel died"),
    "sys-exit": (_case_sys_exit, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    # the trusted verdict: tests disabled or errors hidden inside the kernel are caught outside it
    "disable-tests": (_case_disable_tests, "TAMPERED", {"test_double": 1, "test_square": 0, "test_cube": 0},
                      "did not run, though the cell finished without an error"),
    "hide-errors": (_case_hide_errors, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "early-records": (_case_early_records, "TAMPERED", {"test_double": 1, "test_square": 0, "test_cube": 0},
                      "square.visible' did not run"),
    "leak-tests": (_case_leak_tests, "GRADED", FULL, None),
    "patch-checks": (_case_patch_checks, "TAMPERED", {"test_double": 1, "test_square": 0, "test_cube": 0},
                     "did not run"),
    # forging a record needs the expected value, which the kernel never holds for a hidden check
    "record-expected": (_case_record_expected, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "profile-hook": (_case_profile_hook, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "patched-recorder": (_case_patched_recorder, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "host-modules": (_case_host_modules, "GRADED", FULL, "not graded, not copied"),
    "deep-nesting": (_case_deep_nesting, "INVALID", {}, "nested too deeply"),
    "metadata-string": (_case_metadata_string, "GRADED", FULL, None),
    "grade-id-list": (_case_grade_id_list, "GRADED", FULL, None),
    "solution-flag-on-test": (_case_solution_flag_on_test, "GRADED", FULL, None),
    "extra-graded-cell": (_case_extra_graded_cell, "GRADED", FULL, None),
    "outputs-null": (_case_outputs_null, "GRADED", FULL, None),
    "record-bomb": (_case_record_bomb, "GRADED", FULL, "ignored"),
    "disk-fill": (_case_disk_fill, "GRADED", FULL, None),
    "sigint-ignored": (_case_sigint_ignored, "TIMEOUT", {"test_double": 1, "test_square": 0, "test_cube": 0},
                       "did not respond"),
    "huge-error": (_case_huge_error, "OUTPUT CAPPED", {"test_double": 1, "test_square": 0, "test_cube": 1}, "output"),
    "many-outputs": (_case_many_outputs, "OUTPUT CAPPED", FULL, "output"),
    "active-content": (_case_active_content, "GRADED", FULL, None),
    "control-chars": (_case_control_chars, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
}
# cases that need the course root; all end with square failing, the rest graded
SANDBOX_CASES = {
    "read-source": (_case_read_source, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "read-manifest": (_case_read_manifest, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "tamper-gradebook": (_case_tamper_gradebook, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "write-home": (_case_write_home, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "network": (_case_network, "GRADED", {"test_double": 1, "test_square": 0, "test_cube": 1}, None),
    "scratch-symlink": (_case_scratch_symlink, "GRADED", FULL, None),
    "memory-bomb": (_case_memory_bomb, "OOM", {"test_double": 1, "test_square": 0, "test_cube": 0}, "memory"),
    "fork-bomb": (_case_fork_bomb, "PROCESS CAP", {"test_double": 1, "test_square": 0, "test_cube": 1}, "processes"),
    # the answer cell printed too much: its output is cut, the cell counts as failed, grading goes on
    "print-huge": (_case_print_huge, "OUTPUT CAPPED", FULL, "output"),
    "print-flood": (_case_print_flood, "OUTPUT CAPPED", FULL, "output"),
    "ipc-plant": (_case_ipc_plant, "GRADED", FULL, None),
    "zz-reader": (_case_zz_reader, "GRADED", FULL, None),
}
ALL_CASES = {**CASES, **SANDBOX_CASES}
if os.environ.get("ADV_ONLY"):  # developing: grade only these cases (comma-separated)
    _only = set(os.environ["ADV_ONLY"].split(","))
    CASES = {k: v for k, v in CASES.items() if k in _only}
    SANDBOX_CASES = {k: v for k, v in SANDBOX_CASES.items() if k in _only}
    ALL_CASES = {**CASES, **SANDBOX_CASES}


def _tree_digest(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            with open(p, "rb") as fh:
                out[rel] = hashlib.file_digest(fh, "sha256").hexdigest()
    return out


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial") / "course"
    (root / "source" / "adv").mkdir(parents=True)
    config = (REPO / "nbgrader_config.py").read_text()
    config += ("\n# adversarial tests: short limits\nc.Execute.timeout = 10\nc.RobustExecute.notebook_timeout = 120\n"
               "c.RobustExecute.disk_mb = 64\nc.RobustExecute.record_mb = 32\nc.RobustExecute.probe_timeout = 5\n")
    (root / "nbgrader_config.py").write_text(config)
    nbformat.write(from_text((HERE / "adversarial" / "adv.txt").read_text()), str(root / "source" / "adv" / "adv.ipynb"))
    course = Course(root)
    build(course, ["adv"])
    sol = nbformat.read(root / "source" / "adv" / "adv.ipynb", as_version=4)
    rel = nbformat.read(root / "release" / "adv" / "adv.ipynb", as_version=4)
    for student, (builder, *_rest) in CASES.items():
        builder(sol, rel, course.submitted / student / "adv")
    for student, (builder, *_rest) in SANDBOX_CASES.items():
        builder(sol, rel, course.submitted / student / "adv", root)
    watched = [course.submitted, course.source, course.release]
    before = [_tree_digest(p) for p in watched]
    HOST_MARKER.unlink(missing_ok=True)
    HOME_SECRET.write_text("the instructor's\n")
    root_mode = os.stat(root).st_mode
    limits = Limits(memory_mb=1536, max_pids=64)
    outcomes = {o.student: o for o in autograde(course, ["adv"], sorted(ALL_CASES), progress=False, limits=limits)}
    after = [_tree_digest(p) for p in watched]
    assert os.stat(root).st_mode == root_mode, "the course folder's permissions changed"
    from course.grading.feedback import generate_feedback

    generate_feedback(course, ["adv"], [s for s in ("active-content", "leak-tests", "control") if s in ALL_CASES],
                      progress=False)
    from course.grading.report import collect_grades

    grades: dict[str, dict[str, float]] = {}
    for row in collect_grades(course, ["adv"]):
        grades.setdefault(row.student, {})[row.cell] = row.score
    yield course, outcomes, grades, before, after
    HOME_SECRET.unlink(missing_ok=True)
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("student", list(ALL_CASES))
def test_case_outcome_and_scores(graded, student):
    _, outcomes, grades, _, _ = graded
    _, status, scores, phrase = ALL_CASES[student]
    outcome = outcomes[student]
    assert outcome.status == status, str(outcome)
    if phrase:
        assert phrase.lower() in str(outcome).lower(), str(outcome)
    got = grades.get(student, {})
    for cell in FULL:
        assert got.get(cell, 0.0) == scores.get(cell, 0.0), f"{student}: {cell} scored {got.get(cell)}; {outcome}"


def test_batch_finished_every_case(graded):
    _, outcomes, _, _, _ = graded
    assert sorted(outcomes) == sorted(ALL_CASES)


def test_submissions_source_release_unchanged_byte_for_byte(graded):
    _, _, _, before, after = graded
    assert before == after


def test_nothing_planted_outside_the_sandbox(graded):
    course, _, _, _, _ = graded
    assert not Path("/root/planted.txt").exists()
    assert course.gradebook_path.is_file()
    from course.grading.verdict import manifest_path

    assert manifest_path(course.root, "adv", "adv").is_file()  # it existed while read-manifest ran, unseen
    folder = course.autograded / "scratch-symlink" / "adv"
    assert folder.is_dir() and not (folder / "planted.txt").exists() and not (folder / "adv.ipynb.link").exists()


def test_hidden_tests_never_reach_autograded_outputs(graded):
    # the leak-tests case printed the source of every test cell from a cell of its own
    course, _, _, _, _ = graded
    from course.grading.preprocessors import REDACTED

    nb = nbformat.read(course.autograded / "leak-tests" / "adv" / "adv.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream")
    assert 'check_close("square.visible", square(3.0), 9.0)' in printed  # visible tests are no secret
    assert REDACTED in printed
    for line in ('check_close("square.hidden", square(-0.5))', 'check_close("double.hidden", double(-1.5))'):
        assert line not in printed
    # and the feedback shows none of the student's own outputs (they could carry it in any encoding)
    page = (course.feedback / "leak-tests" / "adv" / "adv.html").read_text()
    assert "square(-0.5)" not in page and "double(-1.5)" not in page and REDACTED not in page


def test_no_student_file_ran_on_the_host(graded):
    assert not HOST_MARKER.exists()


def test_no_live_script_in_autograded_or_feedback(graded):
    from html.parser import HTMLParser

    course = graded[0]
    nb = nbformat.read(course.autograded / "active-content" / "adv" / "adv.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert "<script" not in cell.source and "<img" not in cell.source and "javascript:" not in cell.source
            assert "<iframe" not in cell.source
        for out in cell.get("outputs", []):
            for mime in out.get("data", {}):
                assert mime in ("text/plain", "image/png", "image/jpeg", "image/gif"), mime
    assert "$x<y$" in nb.cells[1].source  # maths stays maths

    class Live(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            if tag in ("iframe", "object", "embed"):
                self.found.append(tag)
            for key, value in attrs:
                if key.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                    self.found.append(f"{tag} {key}={value}")

        def handle_data(self, data):
            if "alert(" in data and self.lasttag == "script":
                self.found.append("script " + data[:40])

    page = (course.feedback / "active-content" / "adv" / "adv.html").read_text()
    parser = Live()
    parser.found = []
    parser.feed(page)
    assert parser.found == []


def test_reports_carry_no_terminal_control_sequences(graded):
    _, outcomes, _, _, _ = graded
    for outcome in outcomes.values():
        assert not any(ch in str(outcome) for ch in "\x1b\x07\x08\r"), repr(str(outcome))


def test_big_writes_never_reach_the_host_disk(graded):
    course = graded[0]
    # (submitted/ holds the "huge" case's own 200 MB sparse file: what the student handed in)
    big = [p for p in course.root.rglob("*") if p.is_file() and p.stat().st_size > 80 * 2**20
           and course.submitted not in p.parents]
    assert big == []


def test_one_grade_per_submission_and_cell(graded):
    course, outcomes, _, _, _ = graded
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(), course.course_id()) as gb:
        for student in ALL_CASES:
            sub = gb.find_submission("adv", student)
            nb = sub.notebooks[0]
            names = [g.name for g in nb.grades]
            assert sorted(names) == sorted(FULL), (student, names)
