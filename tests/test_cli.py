"""The course command explains itself."""

from __future__ import annotations

import pytest

from course.cli import build_parser, main


@pytest.mark.parametrize("command", ["build", "validate", "collect", "autograde", "feedback", "report", "demo", "data"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_top_level_help_shows_the_pipeline():
    text = build_parser().format_help()
    for word in ("build", "autograde", "feedback", "report", "demo", "source/", "release/"):
        assert word in text


def test_unknown_assignment_is_a_clear_error(course_copy, capsys):
    with pytest.raises(SystemExit, match="unknown assignment"):
        main(["--root", str(course_copy.root), "build", "no_such_assignment"])


def test_report_on_empty_gradebook(course_copy, capsys):
    assert main(["--root", str(course_copy.root), "report"]) == 0
    assert "no grades yet" in capsys.readouterr().out
