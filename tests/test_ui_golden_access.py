"""Golden screenshots of the accessibility settings at work: the Accessibility page, high contrast, the largest
text size (the box grown for a long line, a wrapped choice), the hyperlegible font, and captions. Made and compared
like tests/test_ui_golden.py (HEARTSTOPPER_UPDATE_GOLDEN=1 regenerates them; look at them before committing)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from uidrive import into_game

from game.events import Choices
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.game import GameScreen
from game.ui.screens.settings import SettingsScreen
from game.ui.speech import Speaker
from tests.test_ui_golden import check

STORY = Path(__file__).parent / "fixtures" / "ui_story"


def driver(tmp_path: Path, **settings: object) -> Driver:
    ui = Driver(load_story(STORY), tmp_path, speaker=Speaker(None, problem="No speech synthesiser found."))
    for name, value in settings.items():
        setattr(ui.app.settings, name, value)
    ui.app.apply_settings(save=False)
    return ui


def to_beat(ui: Driver, done) -> GameScreen:
    game = into_game(ui)
    for _ in range(30):
        if done(game):
            break
        ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE, wait=0.3)
    ui.wait(6.0)  # effects have finished
    game.dialogue.complete()
    return game


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path


def test_golden_accessibility_page(data: Path) -> None:
    ui = driver(data)
    try:
        ui.app.push(SettingsScreen(ui.app, page="accessibility"))
        ui.press(pygame.K_DOWN)
        check("access_settings", ui.frame())
    finally:
        ui.close()


def test_golden_high_contrast_menu(data: Path) -> None:
    ui = driver(data, high_contrast=True)
    try:
        game = to_beat(ui, lambda g: isinstance(g.session.beat, Choices))
        ui.press(pygame.K_DOWN)
        assert game.menu is not None and game.menu.list.focus == 0
        check("access_high_contrast", ui.frame())
    finally:
        ui.close()


def test_golden_largest_text(data: Path) -> None:
    ui = driver(data, text_size="largest")
    try:
        to_beat(ui, lambda g: isinstance(g.session.beat, Choices))
        check("access_largest_text", ui.frame())
    finally:
        ui.close()


def test_golden_hyperlegible_font_and_captions(data: Path) -> None:
    ui = driver(data, font="hyperlegible", captions=True)
    try:
        game = to_beat(ui, lambda g: bool(g.shown_captions))
        assert game.shown_captions == ["[page turn]"]
        check("access_font_captions", ui.frame())
    finally:
        ui.close()
