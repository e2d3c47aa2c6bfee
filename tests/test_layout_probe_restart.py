"""The linter's fit checks keep working after something in the same process quit pygame's font module (a game test,
a capture): the probe's fonts are opened again instead of failing with "font module quit"."""

from pathlib import Path

import pygame

from game.authoring.lint import lint_folder

STORY = Path(__file__).resolve().parent.parent / "examples" / "lamplight"


def test_lint_after_the_font_module_was_quit_and_started_again() -> None:
    first = lint_folder(STORY)
    pygame.font.quit()
    pygame.font.init()
    again = lint_folder(STORY)
    assert [p.code for p in again.problems] == [p.code for p in first.problems]
    assert not any("fit checks" in note for note in again.notes)
    pygame.font.quit()
    again = lint_folder(STORY)  # quit and not started again: the probe starts it
    assert [p.code for p in again.problems] == [p.code for p in first.problems]
