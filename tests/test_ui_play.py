"""The real front end, driven headlessly with synthetic input: a whole playthrough, choices, endings, the gallery."""

from __future__ import annotations

import pygame
from uidrive import UI_STORY, data_dir

from game.events import Choices, Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.ending import EndingScreen
from game.ui.screens.endings import EndingsScreen
from game.ui.screens.game import GameScreen
from game.ui.screens.notes import NoteScreen
from game.ui.screens.title import TitleScreen


def start_new_game(ui: Driver) -> GameScreen:
    assert isinstance(ui.top, TitleScreen)
    ui.press(pygame.K_RETURN)  # "New game" has the focus
    assert isinstance(ui.top, NoteScreen)
    ui.press(pygame.K_RETURN)  # "Begin"
    assert isinstance(ui.top, GameScreen)
    return ui.top


def read_until_menu(ui: Driver, game: GameScreen, limit: int = 40) -> Choices:
    for _ in range(limit):
        if isinstance(game.session.beat, Choices):
            return game.session.beat
        ui.press(pygame.K_SPACE, wait=0.1)
    raise AssertionError("no menu was reached")


def test_a_whole_playthrough_reaches_an_ending_and_the_gallery_remembers_it(ui: Driver) -> None:
    game = start_new_game(ui)
    ui.wait(3.0)
    first = game.session.beat
    assert isinstance(first, Line) and first.text.startswith("The afternoon light")
    menu = read_until_menu(ui, game)
    assert [o.text for o in menu.options] == ["Go for a walk", "Say something brave", "Stay in and study"]
    ui.press(pygame.K_1, wait=3.0)
    assert game.session.playthrough.scene == "walk"
    for _ in range(10):
        if isinstance(ui.top, EndingScreen):
            break
        ui.press(pygame.K_SPACE, wait=0.2)
    assert isinstance(ui.top, EndingScreen)
    assert ui.top.ended.ending == "together" and ui.top.first_time
    ui.wait(2.0)
    ui.press(pygame.K_RETURN)
    assert isinstance(ui.top, NoteScreen) and "closing note" in ui.top.text
    ui.press(pygame.K_RETURN)
    assert isinstance(ui.top, TitleScreen)
    assert set(ui.app.persistent.endings) == {"together"}
    ui.press(pygame.K_DOWN)
    for _ in range(3):
        ui.press(pygame.K_DOWN)
    ui.press(pygame.K_RETURN)
    assert isinstance(ui.top, EndingsScreen)


def test_a_click_completes_the_line_before_it_moves_on(ui: Driver) -> None:
    game = start_new_game(ui)
    ui.wait(2.5)  # the chapter card has gone; the first line is typing
    line = game.session.beat
    assert not game.line_complete(ui.clock.now)
    ui.click((640, 300))
    assert game.session.beat is line and game.line_complete(ui.clock.now)
    ui.click((640, 300))
    assert game.session.beat is not line


def test_locked_choices_are_shown_but_cannot_be_taken(ui: Driver) -> None:
    game = start_new_game(ui)
    menu = read_until_menu(ui, game)
    locked = [o for o in menu.options if not o.available]
    assert [o.locked_reason for o in locked] == ["Not brave enough yet"]
    ui.press(pygame.K_2)  # the locked one
    assert game.session.beat is menu
    assert game.menu is not None
    ui.click_rect(game.menu.list.buttons[1].rect)
    assert game.session.beat is menu


def test_choices_by_arrow_keys_and_by_mouse(ui: Driver) -> None:
    game = start_new_game(ui)
    read_until_menu(ui, game)
    ui.press(pygame.K_DOWN)
    ui.press(pygame.K_DOWN)  # skips the locked option
    assert game.menu is not None and game.menu.list.focus == 2
    ui.press(pygame.K_RETURN, wait=3.0)
    assert game.session.playthrough.scene == "stay"


def test_choice_by_mouse(ui: Driver) -> None:
    game = start_new_game(ui)
    read_until_menu(ui, game)
    assert game.menu is not None
    ui.click_rect(game.menu.list.buttons[2].rect, wait=3.0)
    assert game.session.playthrough.scene == "stay"


def test_hide_interface_and_bring_it_back(ui: Driver) -> None:
    game = start_new_game(ui)
    ui.wait(3.0)
    line = game.session.beat
    ui.press(pygame.K_h)
    assert game.hidden
    ui.press(pygame.K_SPACE)
    assert not game.hidden and game.session.beat is line  # the key only brought the interface back
    ui.click((640, 300), button=2)
    assert game.hidden


def test_auto_advance_moves_on_by_itself(ui: Driver) -> None:
    game = start_new_game(ui)
    ui.wait(3.0)
    first = game.session.beat
    ui.press(pygame.K_a)
    assert game.auto
    ui.wait(6.0, frame=0.1)
    assert game.session.beat is not first


def test_endings_and_reached_chapters_are_kept_between_runs(ui: Driver) -> None:
    game = start_new_game(ui)
    read_until_menu(ui, game)
    ui.press(pygame.K_3, wait=3.0)  # "Stay in and study" ends "A Quiet Evening"
    for _ in range(10):
        if isinstance(ui.top, EndingScreen):
            break
        ui.press(pygame.K_SPACE, wait=0.2)
    assert isinstance(ui.top, EndingScreen)
    ui.close()
    again = Driver(load_story(UI_STORY), data_dir())
    try:
        assert set(again.app.persistent.endings) == {"quiet_evening"}
        assert again.app.persistent.chapters == {"One"}
        from game.ui.screens.chapters import ChaptersScreen

        again.app.push(ChaptersScreen(again.app))
        chapters = again.top
        assert [b.enabled for b in chapters.list.buttons] == [True, False]  # "Two" is not reached yet
        again.press(pygame.K_DOWN)
        again.press(pygame.K_RETURN)
        assert isinstance(again.top, GameScreen) and again.top.session.playthrough.scene == "intro"
    finally:
        again.close()
