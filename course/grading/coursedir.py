"""The course folder: where each stage of the pipeline reads and writes, and nbgrader's config for it.

    source/<assignment>/*.ipynb        instructor notebooks (solutions, hidden tests)
      -> course build ->
    release/<assignment>/*.ipynb       student versions (committed, generated)
      -> students ->
    submitted/<student>/<assignment>/  what students hand in
      -> course autograde ->
    autograded/<student>/<assignment>/ executed, graded copies; grades in gradebook.db
      -> course feedback / course report ->
    feedback/<student>/<assignment>/   HTML feedback; the score table
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Course", "find_course_root"]


def find_course_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: cwd) that holds ``nbgrader_config.py``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "nbgrader_config.py").is_file():
            return folder
    raise FileNotFoundError(
        f"no nbgrader_config.py in {here} or above: run from the course folder or pass --root"
    )


@dataclass(frozen=True)
class Course:
    """A course folder laid out the way nbgrader expects."""

    root: Path

    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def gradebook_path(self) -> Path:
        return self.root / "gradebook.db"

    def assignments(self) -> list[str]:
        """Assignment ids: the folders of ``source/``, in order."""
        if not self.source.is_dir():
            return []
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and not p.name.startswith("."))

    def source_notebooks(self, assignment: str) -> list[Path]:
        """The instructor notebooks of ``assignment``."""
        return sorted((self.source / assignment).glob("*.ipynb"))

    def release_notebooks(self, assignment: str) -> list[Path]:
        """The generated student notebooks of ``assignment``."""
        return sorted((self.release / assignment).glob("*.ipynb"))

    def check_assignments(self, names: list[str] | None) -> list[str]:
        """``names`` (default: all), each checked to exist in ``source/``."""
        known = self.assignments()
        if not names:
            return known
        unknown = [n for n in names if n not in known]
        if unknown:
            raise SystemExit(f"unknown assignment(s): {', '.join(unknown)}; known: {', '.join(known)}")
        return list(names)

    def config(self, **sections: dict) -> object:
        """nbgrader's config: ``nbgrader_config.py`` of this course, then ``sections`` on top.

        ``sections`` maps a configurable class name to trait values, e.g.
        ``config(Execute={"timeout": 60})``.
        """
        from traitlets.config import Config
        from traitlets.config.loader import PyFileConfigLoader

        cfg = Config()
        path = self.root / "nbgrader_config.py"
        if path.is_file():
            cfg.merge(PyFileConfigLoader(path.name, path=str(self.root)).load_config())
        cfg.CourseDirectory.root = str(self.root)
        if "db_url" not in cfg.CourseDirectory:
            cfg.CourseDirectory.db_url = f"sqlite:///{self.gradebook_path}"
        for section, values in sections.items():
            for key, value in values.items():
                cfg[section][key] = value
        return cfg

    def api(self, **sections: dict):
        """An ``NbGraderAPI`` on this course (with ``sections`` of config on top)."""
        _venv_on_path()
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        cfg = self.config(**sections)
        coursedir = CourseDirectory(config=cfg)
        return NbGraderAPI(coursedir=coursedir, config=cfg)

    def db_url(self) -> str:
        """The gradebook's database URL (``c.CourseDirectory.db_url``; default: ``gradebook.db`` here)."""
        return str(self.config().CourseDirectory.db_url)

    def has_gradebook(self) -> bool:
        """Is there a gradebook to read? (An SQLite file must exist; a database server is assumed to.)"""
        url = self.db_url()
        if url.startswith("sqlite:///"):
            return Path(url[len("sqlite:///"):]).is_file()
        return True

    def course_id(self) -> str:
        return str(self.config().CourseDirectory.course_id)

    def students(self) -> list[str]:
        """Student ids: the folders of ``submitted/``."""
        if not self.submitted.is_dir():
            return []
        return sorted(
            p.name for p in self.submitted.iterdir() if p.is_dir() and not p.name.startswith(".")
        )


def _venv_on_path() -> None:
    """Put this interpreter's scripts folder on PATH: nbgrader runs ``alembic`` to create a gradebook,
    and that only works unactivated (``.venv/bin/course ...``) when the venv's bin/ is on PATH."""
    import sys

    bindir = os.path.dirname(sys.executable)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])


def default_course(root: str | os.PathLike | None = None) -> Course:
    """The course at ``root``, or the one found from the current directory."""
    return Course(Path(root).resolve() if root else find_course_root())
