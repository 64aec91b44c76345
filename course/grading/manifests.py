"""Where the trusted verdict's manifests are cached, and under which key (see :mod:`course.grading.verdict`).

A manifest is cached under a key of everything its values depend on: the source notebook's bytes, the
catalogue's fingerprints stored beside it, the manifest format and the versions of torch and numpy.
This module imports neither, so that a grading coordinator can find every cached manifest without
loading torch.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

__all__ = ["MANIFEST_FORMAT", "fingerprint_paths", "manifest_path", "versions"]

MANIFEST_FORMAT = 2


def _version(package: str) -> str:
    """The installed version of ``package``, from its metadata (importing it only when it has none)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:  # e.g. a build from source without installed metadata
        import importlib

        return str(importlib.import_module(package).__version__)


def versions() -> str:
    """The format and library versions a manifest's values depend on (torch is not imported)."""
    return f"format {MANIFEST_FORMAT}; torch {_version('torch')}; numpy {_version('numpy')}"


def fingerprint_paths(source_notebook: Path) -> tuple[Path, Path]:
    """``(<notebook>.fingerprints.json, <notebook>.hints.json)`` next to the source notebook: every
    fingerprint (instructor-only), and the visible checks' (shipped with the release)."""
    source_notebook = Path(source_notebook)
    stem = source_notebook.with_suffix("")
    return stem.with_name(stem.name + ".fingerprints.json"), stem.with_name(stem.name + ".hints.json")


def _manifest_key(notebook: Path) -> str:
    h = hashlib.sha256()
    h.update((versions() + "\n").encode())
    h.update(Path(notebook).read_bytes())
    fingerprints = fingerprint_paths(notebook)[0]
    if fingerprints.is_file():  # the catalogue's fingerprints travel in the manifest
        h.update(fingerprints.read_bytes())
    return h.hexdigest()[:20]


def manifest_path(course_root: Path, assignment: str, notebook: str) -> Path:
    """Where the manifest of ``source/<assignment>/<notebook>.ipynb`` is cached (by its hash).

    ``COURSE_MANIFEST_CACHE`` overrides the cache folder (default ``<course>/.course/manifests``).
    """
    source = Path(course_root) / "source" / assignment / f"{notebook}.ipynb"
    base = Path(os.environ.get("COURSE_MANIFEST_CACHE") or Path(course_root) / ".course" / "manifests")
    return base / assignment / f"{notebook}-{_manifest_key(source)}.pt"
