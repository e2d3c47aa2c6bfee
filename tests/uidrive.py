"""Helpers for tests that drive the real game window, headless, on the UI test story (`fixtures/ui_story`).

The `ui` fixture (conftest.py) opens that window at its title screen; these say where its data goes and how to
get from the title into play.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pygame

from game.ui.driver import Driver
from game.ui.screens.game import GameScreen

UI_STORY = Path(__file__).parent / "fixtures" / "ui_story"


def data_dir() -> Path:
    """The private data folder every test gets (conftest.py): saves and settings go there."""
    return Path(os.environ["HEARTSTOPPER_DATA_DIR"])


def into_game(ui: Driver, lines: int = 0, wait: float = 0.6) -> GameScreen:
    """From the title into play ("New game", then "Begin"), the first line shown, then `lines` more lines read
    (each completed, then the next one waited on for `wait` seconds)."""
    ui.press(pygame.K_RETURN)
    ui.press(pygame.K_RETURN)
    game = ui.top
    assert isinstance(game, GameScreen)
    ui.wait(3.0)
    for _ in range(lines):
        ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE, wait=wait)
    return game


def drawn_texts(ui: Driver) -> list[tuple[str, pygame.Rect]]:
    """Draw the frame on screen now; every piece of text drawn in it, with where it went (window pixels)."""
    texts: list[tuple[str, pygame.Rect]] = []
    canvas = ui.app.canvas
    draw = canvas.text

    def text(words: str, *args: Any, **kwargs: Any) -> pygame.Rect:
        rect = draw(words, *args, **kwargs)
        texts.append((words, rect))
        return rect

    canvas.text = text  # type: ignore[method-assign]
    try:
        ui.app.render(ui.clock.now)
    finally:
        del canvas.text
    return texts
