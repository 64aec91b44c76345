"""A static check of answer code: does it use a name the exercise forbids?

Some exercises ask for something *by hand* (ReLU without ``torch.relu``, a confusion matrix without
scikit-learn, an update without ``.data``). :func:`forbidden_uses` parses the answer's source with
:mod:`ast` (the code is never run) and reports each forbidden name it uses, after resolving the import
aliases of the notebook (``F`` is ``torch.nn.functional``, ``nn`` is ``torch.nn``...).

The same function runs in two places: in the student's kernel, from the visible test's
:func:`course.checks.check_not_using` (so that nobody is surprised), and in the grader, outside the
kernel, on the submitted notebook (:mod:`course.grading.verdict`), which is what counts.

A forbidden entry is either a dotted name (``"torch.relu"``, ``"sklearn"``: that name or anything
under it) or an attribute written with a leading dot (``".relu"``, ``".data"``: that attribute of any
object). ``eval``, ``exec``, ``compile``, ``__import__``, ``importlib`` and ``getattr`` with a computed
name are reported too whenever an exercise forbids anything: they would hide a use from this check.

This module uses only the standard library: it is imported by the kernel and by the grader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

__all__ = ["HIDING", "definition_source", "forbidden_uses", "import_aliases"]

#: always reported when something is forbidden: they could hide a forbidden use from a static check
HIDING = ("eval", "exec", "compile", "__import__", "importlib", "builtins")

#: aliases every notebook of the course has (used when the imports cannot be read)
DEFAULT_ALIASES = {"F": "torch.nn.functional", "nn": "torch.nn", "np": "numpy", "plt": "matplotlib.pyplot"}


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def import_aliases(sources: Iterable[str]) -> dict[str, str]:
    """Local name -> dotted name, from the ``import`` statements of ``sources`` (later ones win)."""
    aliases = dict(DEFAULT_ALIASES)
    for source in sources:
        tree = _parse(source)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        aliases[a.asname] = a.name
                    else:
                        top = a.name.split(".")[0]
                        aliases[top] = top
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for a in node.names:
                    if a.name != "*":
                        aliases[a.asname or a.name] = f"{node.module}.{a.name}"
    return aliases


def _dotted(node: ast.AST, aliases: dict[str, str]) -> str | None:
    """``a.b.c`` for an attribute chain on a name, with the name resolved through ``aliases``."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(aliases.get(node.id, node.id))
    return ".".join(reversed(parts))


def _matches(name: str, entry: str) -> bool:
    return name == entry or name.startswith(entry + ".")


def forbidden_uses(source: str, forbidden: Iterable[str], aliases: dict[str, str] | None = None) -> list[str]:
    """The forbidden names used in ``source``, in order of first use (empty: none).

    ``aliases`` maps the notebook's local names to dotted names (see :func:`import_aliases`); the
    imports inside ``source`` itself are added to them.
    """
    entries = [str(e) for e in forbidden if str(e)]
    if not entries:
        return []
    tree = _parse(source)
    if tree is None:
        return ["code that cannot be parsed"]
    names = dict(aliases or DEFAULT_ALIASES)
    names.update(import_aliases([source]))
    dotted_entries = [e for e in entries if not e.startswith(".")]
    attr_entries = {e[1:] for e in entries if e.startswith(".")}
    found: list[str] = []

    def add(what: str) -> None:
        if what not in found:
            found.append(what)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                for e in dotted_entries:
                    if _matches(a.name, e):
                        add(e)
                if a.name.split(".")[0] in HIDING:
                    add(a.name)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                full = f"{node.module}.{a.name}"
                for e in dotted_entries:
                    if _matches(full, e) or _matches(node.module, e):
                        add(e)
            if node.module.split(".")[0] in HIDING:
                add(node.module)
        elif isinstance(node, (ast.Attribute, ast.Name)):
            dotted = _dotted(node, names)
            hits = [e for e in dotted_entries if dotted is not None and _matches(dotted, e)]
            for e in hits:
                add(e)
            if not hits and isinstance(node, ast.Attribute) and node.attr in attr_entries:
                add("." + node.attr)  # a method (x.relu()) or attribute (p.data) of any object
            if isinstance(node, ast.Name) and node.id in HIDING:
                add(node.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr"):
            if len(node.args) >= 2 and not isinstance(node.args[1], ast.Constant):
                add(f"{node.func.id} with a computed name")
            elif len(node.args) >= 2 and isinstance(node.args[1].value, str) and node.args[1].value in attr_entries:
                add("." + node.args[1].value)
    return found


def definition_source(sources: list[str], target: str) -> str | None:
    """The source of the last top-level definition of ``target`` in ``sources`` (cells, in order).

    A ``def`` or ``class`` named ``target``, or an assignment to it (``relu = torch.relu``);
    None when no cell defines it.
    """
    best: str | None = None
    for source in sources:
        tree = _parse(source)
        if tree is None:
            continue
        for node in tree.body:
            hit = False
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == target:
                hit = True
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                hit = any(isinstance(t, ast.Name) and t.id == target for t in targets)
            if hit:
                best = ast.get_source_segment(source, node) or ast.unparse(node)
    return best
