"""What a grading job needs of one assignment, built once by the coordinator and shared with every job.

A worker never needs ``source/`` and never sees the course gradebook. Per assignment it gets:

* a **template gradebook**: a small SQLite file holding only this assignment's definition (its notebooks,
  graded cells with their points, the source of every locked and test cell with its checksum, hidden
  tests included, and the due date), copied from the course gradebook through nbgrader's ``Gradebook``
  API. nbgrader restores deleted or edited test cells from it and checks checksums against it; it holds
  no student, no grade and no solution (``course build`` records solution cells as their stubs);
* the names of the notebooks the assignment expects and the non-notebook files of ``release/``
  (nbgrader copies those into ``autograded/``);
* the course's ``nbgrader_config.py`` (the autograde steps, timeouts and limits);
* the trusted verdict's **manifests** (the instructor's reference values, see
  :mod:`course.grading.verdict`), as the bytes of their cache files.

Each job copies the payload into its own private scratch course (:meth:`AssignmentPayload.install`).
Locally the payload is written once to a file that every worker process loads once
(:class:`PayloadRef`); on a Dask cluster it is scattered to the workers once.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from course.grading.coursedir import Course

__all__ = ["AssignmentPayload", "PayloadRef", "build_payload", "resolve"]


@dataclass(frozen=True)
class AssignmentPayload:
    """Everything a job needs of one assignment (plain, picklable data; see the module)."""

    assignment: str
    course_id: str
    config: str
    gradebook: bytes
    notebooks: tuple[str, ...]
    files: tuple[tuple[str, bytes], ...]
    manifests: tuple[tuple[str, bytes], ...]
    digest: str

    def install(self, root: Path) -> None:
        """Lay the payload out as a scratch course at ``root`` (an empty private folder)."""
        root = Path(root)
        (root / "nbgrader_config.py").write_text(self.config)
        (root / "gradebook.db").write_bytes(self.gradebook)
        folder = root / "manifests" / self.assignment
        folder.mkdir(parents=True)
        for name, data in self.manifests:
            (folder / f"{name}.pt").write_bytes(data)
        source = root / "source" / self.assignment
        source.mkdir(parents=True)
        for rel, data in self.files:
            path = source / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


@dataclass(frozen=True)
class PayloadRef:
    """A payload pickled to a local file (a process pool's workers load it once each)."""

    path: str
    digest: str

    @classmethod
    def write(cls, payload: AssignmentPayload, folder: Path) -> PayloadRef:
        path = Path(folder) / f"payload-{payload.digest[:24]}.pkl"
        if not path.exists():
            _write_atomically(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        return cls(str(path), payload.digest)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path``, then rename it over ``path`` (no reader sees half)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


_LOADED: dict[str, AssignmentPayload] = {}


def resolve(payload: AssignmentPayload | PayloadRef) -> AssignmentPayload:
    """The payload itself (a :class:`PayloadRef` is loaded once per process)."""
    if isinstance(payload, AssignmentPayload):
        return payload
    if payload.digest not in _LOADED:
        with open(payload.path, "rb") as fh:  # written by our own coordinator, never by a student
            loaded = pickle.load(fh)
        if len(_LOADED) >= 16:
            _LOADED.clear()
        _LOADED[payload.digest] = loaded
    return _LOADED[payload.digest]


def _read_definition(src, assignment: str) -> dict:
    """``assignment``'s definition in gradebook ``src``, as plain data.

    Cells are listed in the gradebook's order (the notebook's): nbgrader puts a deleted test back after
    the cell that precedes it in that order.
    """
    a = src.find_assignment(assignment)
    plain: dict = {"duedate": a.duedate.isoformat() if a.duedate else None, "notebooks": {}}
    for nb in sorted(a.notebooks, key=lambda n: n.name):
        plain["notebooks"][nb.name] = {
            "grade": [[c.name, c.max_score, c.cell_type] for c in nb.grade_cells],
            "solution": [c.name for c in nb.solution_cells],
            "task": [[c.name, c.max_score, c.cell_type] for c in nb.task_cells],
            "source": [[c.name, c.cell_type, c.locked, c.source, c.checksum] for c in nb.source_cells],
        }
    return plain


def _write_definition(dst, assignment: str, plain: dict) -> None:
    """Write a definition read by :func:`_read_definition` into gradebook ``dst``."""
    duedate = datetime.fromisoformat(plain["duedate"]) if plain["duedate"] else None
    dst.update_or_create_assignment(assignment, duedate=duedate)
    for name, cells in plain["notebooks"].items():
        dst.update_or_create_notebook(name, assignment)
        for cell, max_score, cell_type in cells["grade"]:
            dst.update_or_create_grade_cell(cell, name, assignment, max_score=max_score, cell_type=cell_type)
        for cell in cells["solution"]:
            dst.update_or_create_solution_cell(cell, name, assignment)
        for cell, max_score, cell_type in cells["task"]:
            dst.update_or_create_task_cell(cell, name, assignment, max_score=max_score, cell_type=cell_type)
        for cell, cell_type, locked, source, checksum in cells["source"]:
            dst.update_or_create_source_cell(cell, name, assignment, cell_type=cell_type, locked=locked,
                                             source=source, checksum=checksum)


def _schema_version(gb) -> str | None:
    """The alembic schema version of gradebook ``gb`` (None when it has none)."""
    from sqlalchemy import text

    try:
        return gb.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:
        gb.db.rollback()
        return None


def _empty_gradebook(path: Path, version: str | None) -> None:
    """An empty SQLite gradebook at ``path`` with schema ``version`` (nbgrader's own way of making one asks
    the ``alembic`` command for the version: a second or more each time)."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, text

    if not version:
        return  # nbgrader makes it, the slow way
    engine = create_engine(f"sqlite:///{path}")
    try:
        Base.metadata.create_all(bind=engine)
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": version})
    finally:
        engine.dispose()


def _template_gradebook(course: Course, assignment: str, definition: dict, version: str | None) -> bytes:
    """The bytes of a gradebook holding only ``definition``; cached in ``<course>/.course/payloads`` under
    a key of the definition and the schema version (writing one cell at a time through nbgrader's API
    takes a fraction of a second per assignment, at every batch otherwise)."""
    from nbgrader.api import Gradebook

    from course.grading.job import scratch_base

    key = hashlib.sha256(json.dumps([assignment, course.course_id(), version, definition], sort_keys=True,
                                    default=str).encode()).hexdigest()[:24]
    cache = course.root / ".course" / "payloads" / f"{assignment}-{key}.db"
    if cache.is_file() and not cache.is_symlink():
        return cache.read_bytes()
    with tempfile.TemporaryDirectory(prefix="course-payload-", dir=scratch_base()) as tmp:
        db = Path(tmp) / "gradebook.db"
        _empty_gradebook(db, version)
        with Gradebook(f"sqlite:///{db}", course.course_id()) as dst:
            _write_definition(dst, assignment, definition)
        data = db.read_bytes()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(cache, data)
    except OSError:  # a read-only course folder: no cache, the same bytes
        pass
    return data


def build_payload(course: Course, assignment: str) -> AssignmentPayload:
    """The payload of ``assignment`` (its manifests must be built: see ``prepare_manifests``).

    Raises LookupError when the course gradebook does not know the assignment (run ``course build``).
    """
    from nbgrader.api import Gradebook, MissingEntry

    from course.grading.coursedir import _venv_on_path
    from course.grading.manifests import manifest_path

    _venv_on_path()  # a new gradebook asks alembic for its version
    course_id = course.course_id()
    with Gradebook(course.db_url(), course_id) as src:
        version = _schema_version(src)
        try:
            definition = _read_definition(src, assignment)
        except MissingEntry:
            raise LookupError(f"the gradebook does not know assignment {assignment}: run `course build "
                              f"{assignment}` first") from None
    gradebook = _template_gradebook(course, assignment, definition, version)
    notebooks = tuple(p.stem for p in course.release_notebooks(assignment)) or tuple(definition["notebooks"])
    release = course.release / assignment
    files = tuple(sorted(
        (p.relative_to(release).as_posix(), p.read_bytes())
        for p in release.rglob("*") if p.is_file() and not p.is_symlink() and p.suffix != ".ipynb"
        and ".ipynb_checkpoints" not in p.parts
    )) if release.is_dir() else ()
    manifests = tuple((nb.stem, manifest_path(course.root, assignment, nb.stem).read_bytes())
                      for nb in course.source_notebooks(assignment))
    config_path = course.root / "nbgrader_config.py"
    config = config_path.read_text() if config_path.is_file() else ""
    h = hashlib.sha256()
    h.update(json.dumps([assignment, course_id, config, definition, notebooks], sort_keys=True, default=str).encode())
    for name, data in (*files, *manifests):
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return AssignmentPayload(assignment, course_id, config, gradebook, notebooks, files, manifests, h.hexdigest())
