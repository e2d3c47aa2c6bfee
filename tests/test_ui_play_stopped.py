"""Play that stops on a mistake in the story, in the game window: a game started inside a sub-scene (whose `return`
has no call to come back to) and runaway `call` recursion. The window says so in a dialog, then the game exits with
EXIT_FAILED and the terminal player's words on stderr, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pygame
from storybuild import build

from game.exitcodes import EXIT_FAILED
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.launch import start_screens
from game.ui.screens.dialog import Dialog
from game.ui.screens.game import GameScreen

ROOT = Path(__file__).resolve().parents[1]
LAMPLIGHT = ROOT / "examples" / "lamplight"
SUB_SCENE_STOP = (
    "play stopped: scene 'landing_glass' returns, but no call is waiting for it to come back to "
    "(play began at 'landing_glass', inside a sub-scene: start at a scene that calls it)"
)

BOMB = """\
a:
  title: A
  chapter: One
  lines: [{narrate: "Down we go."}, {call: a}]
  ending: done
"""


def press_until_dialog(ui: Driver, key: int, limit: int = 200) -> Dialog:
    for _ in range(limit):
        if isinstance(ui.top, Dialog):
            return ui.top
        ui.press(key, wait=0.1)
    raise AssertionError(f"no dialog came up; the top screen is {type(ui.top).__name__}")


def test_a_game_started_inside_a_sub_scene_says_why_it_stopped_and_exits_1(tmp_path):
    ui = Driver(load_story(LAMPLIGHT), tmp_path / "data")
    try:
        start_screens(ui.app, start="landing_glass")
        ui.wait(3.0)
        game = ui.top
        assert isinstance(game, GameScreen) and "barometer" in game.session.beat.text
        dialog = press_until_dialog(ui, pygame.K_RETURN)
        assert ui.app.failure == SUB_SCENE_STOP
        assert "inside a sub-scene" in dialog.message and dialog.message.startswith("Play stopped")
        assert ui.app.running
        ui.press(pygame.K_RETURN)  # the dialog's only button: Quit
        assert not ui.app.running and ui.app.exit_code == EXIT_FAILED
    finally:
        ui.close()


def test_runaway_recursion_stops_with_a_dialog_and_closing_the_window_still_exits_1(tmp_path):
    story = build(tmp_path / "story", BOMB)
    ui = Driver(story, tmp_path / "data")
    try:
        start_screens(ui.app, start="a")
        ui.wait(3.0)
        ui.press(pygame.K_TAB, wait=0.1)  # skip: each "Down we go." is the same, seen line
        dialog = press_until_dialog(ui, pygame.K_SPACE)
        assert "64 calls are already waiting" in dialog.message
        assert "inside a sub-scene" not in dialog.message  # not a return to nothing: no --start hint
        game = ui.app.find(GameScreen)
        assert game.stopped and not game.skipping
        ui.wait(2.0)  # skip and auto pull nothing more: the dialog stays up
        assert ui.top is dialog
        ui.post(pygame.event.Event(pygame.QUIT))  # the window's close button, not the dialog's
        assert not ui.app.running and ui.app.exit_code == EXIT_FAILED
    finally:
        ui.close()


def test_the_window_and_the_terminal_player_say_the_same_and_exit_alike(tmp_path):
    """The real `heartstopper --start SCENE` in a real window (Xvfb), against `play --text --start SCENE`."""
    from tests.test_hostile_window import Game, need, start_xvfb, stop

    need("Xvfb", "xdotool", "import", "xwininfo")
    env = {**os.environ, "HEARTSTOPPER_DATA_DIR": str(tmp_path / "text")}
    text = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "--story", str(LAMPLIGHT), "--start", "landing_glass"],
        input="\n\n\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert text.returncode == EXIT_FAILED
    assert f"heartstopper: {SUB_SCENE_STOP}" in text.stderr
    server, display = start_xvfb()
    try:
        game = Game(display, "--story", str(LAMPLIGHT), "--start", "landing_glass")
        try:
            for _ in range(30):  # finish the line, go on (play stops), then Quit in the dialog
                if game.process.poll() is not None:
                    break
                game.press("Return")
                time.sleep(0.5)
            code = game.process.wait(timeout=30)
            err = game.process.communicate()[1]
        finally:
            stop(game.process)
    finally:
        stop(server)
    assert code == EXIT_FAILED
    assert f"heartstopper: {SUB_SCENE_STOP}" in err and "Traceback" not in err
