"""Saving and loading through the real screens: slots, quick save, autosave, damaged saves, removed scenes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame
from uidrive import UI_STORY, data_dir, into_game

from game.events import Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.dialog import Dialog
from game.ui.screens.game import GameScreen
from game.ui.screens.game_menu import GameMenu
from game.ui.screens.saveload import SaveLoadScreen
from game.ui.screens.title import TitleScreen


def current_text(game: GameScreen) -> str:
    beat = game.session.beat
    assert isinstance(beat, Line)
    return beat.text


def test_save_in_a_slot_then_load_it_back(ui: Driver) -> None:
    game = into_game(ui, 2)
    saved_text = current_text(game)
    ui.press(pygame.K_ESCAPE)
    assert isinstance(ui.top, GameMenu)
    ui.click_rect(ui.top.list.buttons[2].rect)  # Save
    screen = ui.top
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "save"
    ui.click_rect(screen.grid.buttons[0].rect)
    record = json.loads(ui.app.saves.path("1").read_text())
    assert record["scene_title"] == "After School" and record["chapter"] == "One"
    assert record["thumbnail"]  # a PNG of the game, base64
    ui.press(pygame.K_ESCAPE)
    assert ui.top is game
    ui.press(pygame.K_SPACE)
    ui.press(pygame.K_SPACE, wait=0.5)
    assert current_text(game) != saved_text
    ui.press(pygame.K_ESCAPE)
    ui.click_rect(ui.top.list.buttons[3].rect)  # Load
    screen = ui.top
    assert isinstance(screen, SaveLoadScreen) and screen.mode == "load"
    screen.page = "1"
    screen._load_page()
    assert screen.slots[0].status == "ok"
    ui.click_rect(screen.grid.buttons[0].rect)
    loaded = ui.top
    assert isinstance(loaded, GameScreen) and loaded is not game
    assert current_text(loaded) == saved_text
    assert loaded.session.stage.sprites == game.session.stage.sprites or loaded.session.stage.sprites


def test_saving_over_a_slot_asks_first(ui: Driver) -> None:
    into_game(ui, 1)
    ui.press(pygame.K_ESCAPE)
    ui.click_rect(ui.top.list.buttons[2].rect)
    screen = ui.top
    ui.click_rect(screen.grid.buttons[0].rect)
    first = ui.app.saves.read("1").record
    ui.click_rect(screen.grid.buttons[0].rect)
    assert isinstance(ui.top, Dialog)
    ui.press(pygame.K_ESCAPE)  # "Cancel"
    assert ui.app.saves.read("1").record == first


def test_quick_save_and_quick_load(ui: Driver) -> None:
    game = into_game(ui, 1)
    saved_text = current_text(game)
    ui.press(pygame.K_F5)
    assert ui.app.saves.read("quick").status == "ok"
    ui.press(pygame.K_SPACE)
    ui.press(pygame.K_SPACE, wait=0.5)
    assert current_text(game) != saved_text
    ui.press(pygame.K_F9)
    assert isinstance(ui.top, GameScreen)
    assert current_text(ui.top) == saved_text


def test_an_autosave_is_written_when_a_scene_starts(ui: Driver) -> None:
    into_game(ui, 0)
    slot = ui.app.saves.read("auto-1")
    assert slot.status == "ok" and slot.scene_title == "After School"


def test_continue_on_the_title_loads_the_newest_save(ui: Driver) -> None:
    game = into_game(ui, 2)
    text = current_text(game)
    ui.press(pygame.K_F5)
    ui.app.reset(TitleScreen(ui.app))
    ui.step()
    ui.press(pygame.K_DOWN)  # Continue
    ui.press(pygame.K_RETURN)
    assert isinstance(ui.top, GameScreen) and current_text(ui.top) == text


def test_a_damaged_save_is_shown_as_damaged_and_never_crashes(ui: Driver) -> None:
    folder = ui.app.saves.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "1.json").write_text("{ this is not json")
    (folder / "2.json").write_text(json.dumps({"format": 1, "playthrough": {"scene": 7}}))
    ui.press(pygame.K_DOWN)  # "Continue" is greyed out (the title was drawn before these files appeared)
    ui.press(pygame.K_RETURN)  # Load
    screen = ui.top
    assert isinstance(screen, SaveLoadScreen)
    screen.page = "1"
    screen._load_page()
    assert [s.status for s in screen.slots[:3]] == ["damaged", "ok", "empty"]
    ui.frame()  # drawing a damaged slot works
    ui.click_rect(screen.grid.buttons[0].rect)
    assert isinstance(ui.top, Dialog) and "damaged" in ui.top.message
    ui.press(pygame.K_RETURN)
    ui.click_rect(screen.grid.buttons[1].rect)  # readable JSON, but the engine refuses it
    assert isinstance(ui.top, Dialog) and "damaged" in ui.top.message.lower()
    ui.press(pygame.K_RETURN)
    assert ui.top is screen


def test_a_save_from_a_removed_scene_offers_the_chapter_start(ui: Driver, tmp_path: Path) -> None:
    game = into_game(ui, 0)
    menu_text = None
    for _ in range(30):
        if game.menu is not None:
            menu_text = True
            break
        ui.press(pygame.K_SPACE, wait=0.1)
    assert menu_text
    ui.press(pygame.K_1, wait=3.0)
    assert game.session.playthrough.scene == "walk"
    ui.press(pygame.K_F5)
    ui.close()

    edited = tmp_path / "story"
    shutil.copytree(UI_STORY, edited)
    scenes = edited / "scenes" / "intro.yaml"
    scenes.write_text(scenes.read_text().replace("walk:", "stroll:").replace("goto: walk", "goto: stroll"))
    other = Driver(load_story(edited), data_dir())
    try:
        other.press(pygame.K_DOWN)
        other.press(pygame.K_RETURN)  # Continue: the quick save
        dialog = other.top
        assert isinstance(dialog, Dialog)
        assert "no longer in the story" in dialog.message
        offered = [c for c in other.app.story.chapters if f"\u201c{c.name}\u201d" in dialog.message]
        assert len(offered) == 1
        other.press(pygame.K_RETURN)  # "Start chapter"
        assert isinstance(other.top, GameScreen)
        assert other.top.session.playthrough.scene == offered[0].first_scene
    finally:
        other.close()
