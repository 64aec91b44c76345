"""The suite's own scheduling: tests that share a heavy fixture run on one xdist worker.

The slow fixtures (the demo, the adversarial batch, each assignment's autograded catalogue) are
built once per worker. ``--dist loadgroup`` keeps a group on one worker; with pytest 9.2.0 and
xdist 3.8 it silently stopped doing so and every one of them ran twice (pytest-xdist issue 1386),
which made CI about 40% slower. This test fails if grouping breaks again.
"""

from __future__ import annotations

import re
import subprocess
import sys


def test_loadgroup_keeps_a_group_on_one_worker(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_grouped.py").write_text(
        "import pytest\n\n"
        "pytestmark = pytest.mark.xdist_group('heavy')\n\n\n"
        "@pytest.mark.parametrize('i', range(6))\n"
        "def test_member(i):\n    pass\n"
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider", "test_grouped.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    workers = set(re.findall(r"^\[(gw\d+)\].*PASSED", run.stdout, re.M))
    assert len(re.findall(r"PASSED", run.stdout)) == 6, run.stdout
    assert len(workers) == 1, f"the group ran on {sorted(workers)}:\n{run.stdout}"
