"""The shipped story lints clean, warnings included (what CI runs as `heartstopper lint --strict`)."""

from __future__ import annotations

from game.authoring.lint import lint_folder
from game.paths import default_story_dir


def test_the_shipped_story_lints_clean_under_strict():
    report = lint_folder(default_story_dir())
    assert report.loaded
    assert not report.notes, report.notes  # every check ran, the fit checks included
    assert not report.failed(strict=True), "\n".join(str(problem) for problem in report.problems)
