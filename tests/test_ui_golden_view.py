"""Golden screenshots of what issue 15 changed: who is speaking, outfits, time of day and season, a long menu that
scrolls, the backlog's kinds of line, the phone thread, and the endings gallery.

Drawn by the real renderer with a fake clock and compared with a tolerance (see tests/test_ui_golden.py, whose
`check` these share). Regenerate after an intended change of look with HEARTSTOPPER_UPDATE_GOLDEN=1 and look at
the new files in tests/golden/ before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from storybuild import build
from test_ui_golden import check
from uidrive import UI_STORY

from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.endings import EndingsScreen
from game.ui.screens.flow import new_game
from game.ui.screens.game import GameScreen

# Uses the shipped art (a story folder without assets borrows it).
MANIFEST = """\
title: "Golden"
start: a
characters:
  charlie: {name: Charlie, color: "#7fb8e8"}
  nick: {name: Nick, color: "#f4c542"}
  jane: {name: Jane, color: "#b5838d"}
  julio: {name: Julio, color: "#a3b18a"}
  tao: {name: Tao, color: "#e07a5f"}
chapters:
  Prom: {outfits: {nick: prom, charlie: prom}, time: night}
endings:
  done: {title: "Done"}
"""

PROM = """\
a:
  title: "The Lights"
  chapter: Prom
  background: eiffel_tower
  lines:
    - show: {who: nick, as: happy, at: left}
    - show: {who: charlie, as: shy, at: right}
    - charlie: "You look... really good in a suit."
  next: b
b:
  title: "Kitchen"
  chapter: Home
  background: spring_kitchen
  lines:
    - show: {who: jane, at: left}
    - julio: "We see it now. That's where we start."
    - charlie: "I know. Thank you."
  next: c
c:
  title: "Pitch"
  chapter: Spring
  background: {id: rugby_pitch, season: spring}
  lines:
    - show: {who: nick, as: grin, at: center, outfit: wave}
    - nick: "Charlie! Over here!"
    - message: {from: nick, text: "Good morning"}
    - think: {who: charlie, text: "He texted first."}
    - message: {from: charlie, text: "Morning!"}
  ending: done
"""


def driver(story) -> Driver:
    return Driver(story, Path(os.environ["HEARTSTOPPER_DATA_DIR"]), title=False)


def settle(ui: Driver, game: GameScreen) -> None:
    if not game.line_complete(ui.clock.now):
        ui.press(pygame.K_SPACE)
    ui.wait(2.0)


def next_line(ui: Driver, game: GameScreen) -> None:
    settle(ui, game)
    ui.press(pygame.K_SPACE)
    settle(ui, game)


@pytest.fixture
def prom(tmp_path: Path):
    ui = driver(build(tmp_path, PROM, manifest=MANIFEST))
    new_game(ui.app, ui.clock.now)
    ui.wait(3.0)
    game = ui.top
    assert isinstance(game, GameScreen)
    settle(ui, game)
    yield ui, game
    ui.close()


def test_golden_speaker_focus_in_prom_clothes_at_night(prom) -> None:
    ui, _ = prom
    check("focus_prom_night", ui.frame())


def test_golden_side_portrait_for_a_speaker_off_stage(prom) -> None:
    ui, game = prom
    next_line(ui, game)  # Julio: no one at his place; Jane dims
    check("off_stage_julio", ui.frame())
    next_line(ui, game)  # Charlie from off stage: a side portrait
    check("side_portrait", ui.frame())


def test_golden_spring_pitch_with_a_wave_and_the_phone_thread(prom) -> None:
    ui, game = prom
    for _ in range(3):
        next_line(ui, game)
    check("spring_wave", ui.frame())
    for _ in range(3):
        next_line(ui, game)
    check("phone_thread", ui.frame())


def long_menu(count: int) -> str:
    options = "".join(f'    - text: "Option number {i}"\n      goto: b\n' for i in range(1, count + 1))
    head = 'a:\n  title: "A"\n  chapter: One\n  background: study_hall\n  lines:\n    - narrate: "Pick."\n'
    tail = 'b:\n  title: "B"\n  chapter: One\n  lines:\n    - narrate: "Done."\n  ending: done\n'
    return f"{head}  choices:\n{options}{tail}"


@pytest.fixture
def at_long_menu(tmp_path: Path):
    """A game at a 13-option menu, taller than the space above the dialogue box: (driver, game screen)."""
    plain = MANIFEST.replace("chapters:\n  Prom: {outfits: {nick: prom, charlie: prom}, time: night}\n", "")
    ui = driver(build(tmp_path, long_menu(13), manifest=plain))
    try:
        new_game(ui.app, ui.clock.now)
        ui.wait(3.0)
        game = ui.top
        next_line(ui, game)
        assert game.menu is not None and game.menu.scrollable
        yield ui, game
    finally:
        ui.close()


def test_golden_long_menu_scrolled(at_long_menu) -> None:
    ui, _ = at_long_menu
    ui.wheel(-2)
    ui.press(pygame.K_DOWN)
    check("long_menu", ui.frame())


def test_after_the_wheel_the_highlight_is_the_option_under_the_mouse(at_long_menu) -> None:
    """Before: wheeling a long menu kept the highlight on the option first pointed at, now scrolled away from the
    mouse, while the one under the mouse looked untouched (seen in a real window)."""
    ui, game = at_long_menu
    menu = game.menu
    x, y, w, h = menu.list.buttons[3].rect
    pointer = (x + w / 2, y + h / 2)
    ui.post(pygame.event.Event(pygame.MOUSEMOTION, pos=ui.window_pos(pointer), rel=(0, 0), buttons=(0, 0, 0)))
    ui.step()
    assert menu.list.focus == 3
    ui.wheel(-2)
    ui.step()
    assert menu.scroll > 0
    under = [i for i, b in enumerate(menu.list.buttons) if b.rect[1] <= pointer[1] < b.rect[1] + b.rect[3]]
    assert under and under[0] != 3 and menu.list.focus == under[0]


@pytest.fixture
def ui_story():
    ui = Driver(load_story(UI_STORY), Path(os.environ["HEARTSTOPPER_DATA_DIR"]))
    yield ui
    ui.close()


def test_golden_backlog_kinds(ui_story: Driver) -> None:
    game = ui_story.start_new_game()
    for _ in range(8):
        next_line(ui_story, game)
    ui_story.press(pygame.K_PAGEUP)
    check("backlog", ui_story.frame())


def test_golden_endings_gallery(ui_story: Driver) -> None:
    from datetime import datetime

    ui_story.app.persistent.add_ending("together", datetime(2025, 5, 1, 16, 20))
    ui_story.app.push(EndingsScreen(ui_story.app))
    ui_story.step()
    check("endings", ui_story.frame())
