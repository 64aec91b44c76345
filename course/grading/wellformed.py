"""Make a submitted notebook well-formed before any other step touches it, or say why it cannot be.

A notebook handed in by a student may break nbformat's schema (a markdown cell with ``outputs``, a
source that is a list of numbers), or carry nbgrader metadata of the wrong types (a string where a
dict belongs, a list as ``grade_id``). nbgrader and nbconvert assume well-formed input, so such a
notebook would crash a step and lose the student's grade. :func:`repair`

* applies nbformat's own ``validator.normalize`` (it repairs what needs no guessing);
* fixes, cell by cell, what cannot change the student's code: ``source`` joined into a string,
  ``outputs`` only on code cells (dropped: they are cleared before grading anyway), ``metadata`` a dict,
  nbgrader metadata of the wrong types removed (that cell is then treated as an ordinary cell; a
  graded cell is restored from the gradebook), cell ids unique;
* and raises :class:`Malformed` with the schema's message for what it cannot repair.

:class:`NormalizeNotebook` runs it as nbgrader's first autograde step, so that plain ``nbgrader
autograde`` and Formgrader get it too; ``course autograde``'s intake runs it before staging.
"""

from __future__ import annotations

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["Malformed", "NormalizeNotebook", "repair"]

_CELL_TYPES = ("code", "markdown", "raw")
_NBGRADER_BOOLS = ("grade", "solution", "locked", "task")


class Malformed(ValueError):
    """The notebook cannot be repaired without guessing; the message says why."""


def _text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return None


def _nbgrader_ok(meta) -> bool:
    if not isinstance(meta, dict):
        return False
    if "grade_id" in meta and not (isinstance(meta["grade_id"], str) and meta["grade_id"]):
        return False
    if any(k in meta and not isinstance(meta[k], bool) for k in _NBGRADER_BOOLS):
        return False
    points = meta.get("points", 0)
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points != points:
        return False
    return not any(k in meta and not isinstance(meta[k], (str, int)) for k in ("checksum", "schema_version"))


def repair(nb: NotebookNode) -> list[str]:
    """Repair ``nb`` in place (see the module); returns notes on what was changed."""
    notes: list[str] = []
    if not isinstance(nb.get("cells"), list):
        raise Malformed("the notebook has no list of cells")
    if not isinstance(nb.get("metadata"), dict):
        nb["metadata"] = NotebookNode()
        notes.append("notebook metadata was not a dict: reset")
    kept = []
    for n, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict):
            notes.append(f"cell {n} is not a cell: dropped")
            continue
        if cell.get("cell_type") not in _CELL_TYPES:
            raise Malformed(f"cell {n} has the unknown type {str(cell.get('cell_type'))[:40]!r}")
        source = _text(cell.get("source", ""))
        if source is None:
            raise Malformed(f"the source of cell {n} is not text")
        cell["source"] = source
        if not isinstance(cell.get("metadata"), dict):
            cell["metadata"] = NotebookNode()
            notes.append(f"cell {n}: metadata was not a dict: reset")
        meta = cell["metadata"]
        if "nbgrader" in meta and not _nbgrader_ok(meta["nbgrader"]):
            del meta["nbgrader"]
            notes.append(f"cell {n}: malformed nbgrader metadata removed")
        if cell["cell_type"] == "code":
            if not isinstance(cell.get("outputs"), list):
                cell["outputs"] = []
            count = cell.get("execution_count")
            if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
                cell["execution_count"] = None
        else:
            for key in ("outputs", "execution_count"):
                if key in cell:
                    del cell[key]
            attachments = cell.get("attachments")
            if attachments is not None and not isinstance(attachments, dict):
                del cell["attachments"]
        kept.append(cell)
    nb["cells"] = kept
    minor = nb.get("nbformat_minor")
    nb["nbformat"], nb["nbformat_minor"] = 4, max(minor, 5) if isinstance(minor, int) and not isinstance(minor, bool) else 5
    used: set[str] = set()
    for n, cell in enumerate(nb["cells"]):
        cid = cell.get("id")
        if not isinstance(cid, str) or not cid or cid in used or len(cid) > 64:
            cid = f"cell-{n}"
            while cid in used:
                cid += "x"
            cell["id"] = cid
        used.add(cid)
    try:
        from nbformat.validator import normalize

        _, normalized = normalize(dict(nb), version=4, version_minor=nb["nbformat_minor"], strip_invalid_metadata=True)
        normalized = from_dict(normalized)
        nb.clear()
        nb.update(normalized)
    except Exception as exc:  # normalize itself may refuse: the validation below says why
        notes.append(f"nbformat could not normalise the notebook ({type(exc).__name__})")
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as exc:
        raise Malformed(f"not a valid notebook: {str(exc.message)[:300]}") from None
    except RecursionError:
        raise Malformed("not a valid notebook: nested too deeply") from None
    return notes


class NormalizeNotebook(NbGraderPreprocessor):
    """Autograde step: :func:`repair` the submission before nbgrader's own steps read it."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        notes = repair(nb)
        if notes:
            resources.setdefault("course_repairs", []).extend(notes)
        return nb, resources
