"""Execute every source notebook top to bottom and print a table of seconds per notebook.

    ./run bench                 all notebooks, one at a time
    ./run bench a1_mlp_basics   only these assignments

Each notebook runs in a fresh kernel (the time includes starting it and importing torch),
with the data already prepared. Numbers in the README come from this script.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config

# a kernel on TCP with transport encryption where the kernel supports it (as nbgrader_config.py sets):
# ipykernel warns on every start otherwise
QUIET_KERNEL = Config({"KernelManager": {"transport_encryption": "auto"}})

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(REPO))
    from course.data import DATASETS, prepare

    for name in DATASETS:
        prepare(name)
    wanted = set(argv)
    paths = [p for p in sorted((REPO / "source").glob("*/*.ipynb")) if not wanted or p.parent.name in wanted]
    rows = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=600, kernel_name="python3", config=QUIET_KERNEL, resources={"metadata": {"path": str(path.parent)}})
        start = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - start
        errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error")
        rows.append((path.relative_to(REPO / "source").as_posix(), seconds, errors))
        print(f"  {rows[-1][0]}: {seconds:.1f} s", file=sys.stderr)
    cpu = f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}"
    width = max(len(r[0]) for r in rows)
    print(f"\nnotebook execution times ({cpu}; torch threads: default)\n")
    print(f"| {'notebook':{width}} | seconds | errors |")
    print(f"|{'-' * (width + 2)}|--------:|-------:|")
    for name, seconds, errors in rows:
        print(f"| {name:{width}} | {seconds:7.1f} | {errors:6d} |")
    print(f"| {'total':{width}} | {sum(r[1] for r in rows):7.1f} |        |")
    return 1 if any(r[2] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
