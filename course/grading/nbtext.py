"""A plain-text form of nbgrader notebooks, for writing and reviewing them in an editor.

The notebook in ``source/`` stays the source of truth; this module converts both ways::

    python -m course.grading.nbtext to-text  source/a1/a1.ipynb  > a1.txt
    python -m course.grading.nbtext to-ipynb a1.txt source/a1/a1.ipynb

Each cell starts with a header line, then its source verbatim::

    # %% markdown                        a plain markdown cell
    # %% code                            a plain code cell
    # %% code locked id=setup            read-only code (students cannot edit it)
    # %% markdown locked id=intro        read-only markdown
    # %% code solution id=relu           an answer cell (### BEGIN/END SOLUTION inside)
    # %% code test id=test_relu points=2 an autograded test cell (### BEGIN/END HIDDEN TESTS inside)
    # %% markdown manual id=derive points=2   a manually graded written answer

Cells get stable ids (the ``grade_id`` where there is one), so a build is reproducible.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

__all__ = ["from_text", "to_text"]

_HEADER = re.compile(r"^# %% (markdown|code)((?: [\w=.\-]+)*)\s*$")


def _meta(kind: str, flags: set[str], grade_id: str | None, points: float | None) -> dict | None:
    if not (flags & {"locked", "solution", "test", "manual"}):
        return None
    if grade_id is None:
        raise ValueError(f"a {kind} cell with {sorted(flags)} needs an id=")
    meta = {
        "grade": bool(flags & {"test", "manual"}),
        "grade_id": grade_id,
        "locked": bool(flags & {"locked", "test"}),
        "schema_version": 3,
        "solution": bool(flags & {"solution", "manual"}),
        "task": False,
    }
    if meta["grade"]:
        if points is None:
            raise ValueError(f"graded cell {grade_id} needs points=")
        meta["points"] = points
    return meta


def from_text(text: str) -> nbformat.NotebookNode:
    """Build a notebook (nbformat 4.5, no outputs) from the text form."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if _HEADER.match(line):
            blocks.append((line, []))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"text before the first cell header: {line!r}")
    seen: set[str] = set()
    for n, (header, body) in enumerate(blocks):
        m = _HEADER.match(header)
        assert m is not None
        kind, rest = m.group(1), m.group(2).split()
        flags = {w for w in rest if "=" not in w}
        opts = dict(w.split("=", 1) for w in rest if "=" in w)
        unknown = flags - {"locked", "solution", "test", "manual"}
        if unknown:
            raise ValueError(f"unknown flag(s) {sorted(unknown)} in {header!r}")
        while body and not body[-1].strip():
            body.pop()
        while body and not body[0].strip():
            body.pop(0)
        source = "\n".join(body)
        grade_id = opts.get("id")
        points = float(opts["points"]) if "points" in opts else None
        if points is not None and points.is_integer():
            points = int(points)
        cell = nbformat.v4.new_markdown_cell(source) if kind == "markdown" else nbformat.v4.new_code_cell(source)
        cell_id = grade_id or f"cell-{n:03d}"
        if cell_id in seen:
            raise ValueError(f"duplicate id {cell_id}")
        seen.add(cell_id)
        cell["id"] = cell_id
        meta = _meta(kind, flags, grade_id, points)
        if meta:
            cell.metadata["nbgrader"] = meta
        blocks[n] = (header, body)
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def to_text(nb: nbformat.NotebookNode) -> str:
    """The text form of ``nb`` (outputs are dropped)."""
    parts = []
    for cell in nb.cells:
        words = [cell.cell_type]
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta:
            if meta.get("grade") and meta.get("solution"):
                words.append("manual")
            elif meta.get("grade"):
                words.append("test")
            elif meta.get("solution"):
                words.append("solution")
            elif meta.get("locked"):
                words.append("locked")
            if meta.get("locked") and words[-1] not in ("locked", "test"):
                words.append("locked")
            words.append(f"id={meta['grade_id']}")
            if meta.get("grade"):
                words.append(f"points={meta.get('points', 0)}")
        parts.append("# %% " + " ".join(words) + "\n" + cell.source + "\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2 or args[0] not in ("to-text", "to-ipynb"):
        print(__doc__)
        return 2
    if args[0] == "to-text":
        sys.stdout.write(to_text(nbformat.read(args[1], as_version=4)))
        return 0
    nb = from_text(Path(args[1]).read_text(encoding="utf-8"))
    out = Path(args[2]) if len(args) > 2 else Path(args[1]).with_suffix(".ipynb")
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
