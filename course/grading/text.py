"""Text that reaches a person (the instructor's terminal, a report, the feedback): made harmless.

Student-controlled strings (file names, exception messages from the kernel) may hold terminal
control sequences: cursor moves, erase-line, a window title. :func:`clean_text` removes every
control character but newline and tab, and ANSI escape sequences with them.
"""

from __future__ import annotations

import re

__all__ = ["clean_text", "clean_line"]

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str) -> str:
    """``text`` without ANSI escapes and control characters (newlines and tabs are kept)."""
    return _CONTROL.sub("", _ANSI.sub("", str(text)))


def clean_line(text: str, limit: int = 300) -> str:
    """One printable line: :func:`clean_text`, newlines and tabs made spaces, cut to ``limit``."""
    line = " ".join(clean_text(text).split())
    return line if len(line) <= limit else line[: limit - 3] + "..."
