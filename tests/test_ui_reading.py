"""Reading controls through the real UI: rollback and roll forward, the backlog, skip, settings kept between runs."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from uidrive import UI_STORY, data_dir, into_game

from game.events import Choices, Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.backlog import BacklogScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.settings import ACCESSIBILITY, GENERAL, SettingsScreen
from game.ui.screens.title import TitleScreen


def next_beat(ui: Driver, game: GameScreen) -> None:
    if not game.line_complete(ui.clock.now):
        ui.press(pygame.K_SPACE)
    ui.press(pygame.K_SPACE, wait=0.5)


def text(game: GameScreen) -> str:
    beat = game.session.beat
    return beat.text if isinstance(beat, Line) else type(beat).__name__


def test_rollback_goes_back_line_by_line_and_roll_forward_returns(ui: Driver) -> None:
    game = into_game(ui)
    seen = [text(game)]
    for _ in range(3):
        next_beat(ui, game)
        seen.append(text(game))
    ui.press(pygame.K_BACKSPACE)
    assert text(game) == seen[2]
    ui.wheel(1)  # the wheel opens the backlog, it does not roll back
    assert isinstance(ui.top, BacklogScreen)
    ui.press(pygame.K_ESCAPE)
    ui.press(pygame.K_LEFT)
    assert text(game) == seen[1]
    assert game.line_complete(ui.clock.now)  # a rolled-back line is shown whole
    ui.press(pygame.K_PAGEDOWN)
    assert text(game) == seen[2]
    ui.press(pygame.K_RIGHT)
    assert text(game) == seen[3]
    ui.press(pygame.K_RIGHT)  # nothing further to roll forward to
    assert text(game) == seen[3]


def test_rollback_crosses_a_choice_and_roll_forward_takes_it_again(ui: Driver) -> None:
    game = into_game(ui)
    for _ in range(30):
        if isinstance(game.session.beat, Choices):
            break
        next_beat(ui, game)
    before = game.line.text  # the line in the box under the menu
    ui.press(pygame.K_3, wait=3.0)  # "Stay in and study"
    assert game.session.playthrough.scene == "stay"
    after = text(game)
    ui.press(pygame.K_BACKSPACE)
    assert isinstance(game.session.beat, Choices) and game.menu is not None
    assert game.line.text == before != after  # not the line shown after the choice
    ui.press(pygame.K_BACKSPACE)
    assert isinstance(game.session.beat, Line)
    ui.press(pygame.K_PAGEDOWN)
    ui.press(pygame.K_PAGEDOWN)
    assert game.session.playthrough.scene == "stay" and text(game) == after
    ui.press(pygame.K_BACKSPACE)
    ui.press(pygame.K_1, wait=3.0)  # a different choice this time
    assert game.session.playthrough.scene == "walk"
    assert not game.session.can_roll_forward()


def test_the_backlog_lists_lines_and_choices_and_closes_by_wheel(ui: Driver) -> None:
    game = into_game(ui)
    for _ in range(30):
        if isinstance(game.session.beat, Choices):
            break
        next_beat(ui, game)
    ui.press(pygame.K_3, wait=3.0)
    ui.press(pygame.K_PAGEUP)
    backlog = ui.top
    assert isinstance(backlog, BacklogScreen)
    kinds = [e.kind for e in backlog.entries]
    texts = [e.text for e in backlog.entries]
    assert texts[0].startswith("The afternoon light") and "Stay in and study" in texts
    assert {"narration", "speech", "thought", "message", "choice"} <= set(kinds)
    ui.frame()
    ui.wheel(-1)  # at the newest line, scrolling down closes it
    assert ui.top is game


def play_to_menu_and_back_to_title(ui: Driver) -> None:
    game = into_game(ui)
    for _ in range(30):
        if isinstance(game.session.beat, Choices):
            break
        next_beat(ui, game)
    ui.app.reset(TitleScreen(ui.app))
    ui.step()


def test_skip_runs_through_seen_text_and_stops_at_the_menu(ui: Driver) -> None:
    play_to_menu_and_back_to_title(ui)
    game = into_game(ui)
    ui.press(pygame.K_TAB)
    assert game.skipping
    ui.wait(2.0)
    assert isinstance(game.session.beat, Choices)
    assert not game.skipping


def test_skip_stops_at_unseen_text_unless_set_otherwise(ui: Driver) -> None:
    game = into_game(ui)
    first = text(game)
    ui.press(pygame.K_TAB)
    ui.wait(1.0)
    assert text(game) == first and not game.skipping
    ui.app.settings.skip_unseen = True
    ui.key_down(pygame.K_LCTRL)  # holding Ctrl skips too
    ui.wait(2.0)
    ui.key_up(pygame.K_LCTRL)
    assert isinstance(game.session.beat, Choices)


def test_settings_change_by_keyboard_and_mouse_and_are_kept(ui: Driver) -> None:
    title = ui.top
    assert isinstance(title, TitleScreen)
    ui.click_rect(next(b.rect for b in title.list.buttons if b.label == "Settings"))
    screen = ui.top
    assert isinstance(screen, SettingsScreen)
    before = ui.app.settings.text_speed
    ui.press(pygame.K_RIGHT)
    assert ui.app.settings.text_speed == before + 5
    skip_row = [r.name for r in GENERAL].index("skip_unseen")
    ui.click_rect(screen._option_rect(skip_row, 1, 2))
    volume_row = [r.name for r in GENERAL].index("music_volume")
    x, y, w, h = screen._track(volume_row)
    ui.click((x + w * 0.2, y + h / 2))
    ui.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=ui.window_pos((x, y)), button=1))
    ui.click_rect(screen._tab_rect(1))  # the Accessibility page
    assert screen.page == "accessibility"
    size_row = [r.name for r in ACCESSIBILITY].index("text_size")
    ui.click_rect(screen._option_rect(size_row, 2, 4))
    assert ui.app.settings.text_size == "large"
    ui.frame()
    saved = json.loads((data_dir() / "settings.json").read_text())
    assert saved["text_speed"] == before + 5 and saved["text_size"] == "large" and saved["skip_unseen"] is True
    assert saved["music_volume"] == pytest.approx(0.2, abs=0.05)
    ui.press(pygame.K_ESCAPE)
    assert isinstance(ui.top, TitleScreen)
    ui.close()
    again = Driver(load_story(UI_STORY), data_dir())
    try:
        assert again.app.settings.text_size == "large" and again.app.settings.skip_unseen
    finally:
        again.close()


def test_a_damaged_settings_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (data_dir() / "settings.json").write_text('{"text_speed": "fast", "music_volume": 0.3')
    driver = Driver(load_story(UI_STORY), data_dir())
    try:
        assert driver.app.settings.text_speed == 45 and driver.app.settings.music_volume == 0.7
    finally:
        driver.close()
