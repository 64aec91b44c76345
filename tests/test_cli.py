"""The course command explains itself."""

from __future__ import annotations

import pytest

from course.cli import build_parser, main


@pytest.mark.parametrize("command", ["build", "release", "validate", "collect", "autograde", "feedback",
                                     "release-feedback", "report", "demo", "data", "lab"])
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


def test_validate_passes_solutions_and_fails_release(tmp_path, capsys):
    """`course validate` on the tiny adversarial assignment: source passes, release fails every test."""
    from pathlib import Path

    import nbformat

    from course.grading.nbtext import from_text

    repo = Path(__file__).resolve().parent.parent
    root = tmp_path / "course"
    (root / "source" / "adv").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text((repo / "nbgrader_config.py").read_text())
    nb = from_text((repo / "tests" / "adversarial" / "adv.txt").read_text())
    nbformat.write(nb, str(root / "source" / "adv" / "adv.ipynb"))
    assert main(["--root", str(root), "-q", "build"]) == 0
    assert main(["--root", str(root), "-q", "validate"]) == 0
    out = capsys.readouterr().out
    assert "ok   source/adv/adv.ipynb: all tests pass" in out
    assert "ok   release/adv/adv.ipynb: all tests fail, as they should" in out


def test_the_exchange_is_in_the_course_folder_unless_course_exchange_names_one(course_copy, monkeypatch, tmp_path):
    from course.grading.exchange import exchange_root

    monkeypatch.delenv("COURSE_EXCHANGE", raising=False)
    assert exchange_root(course_copy) == course_copy.root / "exchange"
    monkeypatch.setenv("COURSE_EXCHANGE", str(tmp_path / "shared-exchange"))
    assert exchange_root(course_copy) == tmp_path / "shared-exchange"


def test_collect_needs_one_source(course_copy, capsys):
    assert main(["--root", str(course_copy.root), "collect", "a1_mlp_basics"]) == 2
    assert "--exchange" in capsys.readouterr().err
    assert main(["--root", str(course_copy.root), "collect", "a1_mlp_basics", "x.zip", "--exchange", "--lms",
                 "canvas"]) == 2
    assert "--exchange" in capsys.readouterr().err
