"""Play that goes round a loop with nothing to show and nothing to choose stops with a clear message.

A scene whose lines end in a `goto` back to itself (or a ring of such scenes) passes every check and loads: the
branch tester reports it as a soft-lock, but play itself would go on for ever without a word, and the terminal
player, the window and `capture` would hang there. So play stops after `QUIET_LIMIT` scenes entered in a row with no
line and no menu, and each front end says why, as for runaway `call` recursion. A loop that shows lines is play the
player can see and leave (quit), and goes on.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from storybuild import build, write_story

from game.events import Line
from game.exitcodes import EXIT_FAILED
from game.playthrough import QUIET_LIMIT, PlayStopped, Playthrough
from game.ui.driver import Driver
from game.ui.launch import start_screens
from game.ui.screens.dialog import Dialog

ROOT = Path(__file__).resolve().parents[1]

SPIN = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Round we go."
  choices:
    - text: "Spin"
      goto: spin
    - text: "Stop"
      goto: b
spin:
  title: "Spin"
  lines:
    - goto: spin
  ending: done
b:
  title: "B"
  lines:
    - narrate: "Still."
  ending: done
"""

RING_OF_LINES = """\
a:
  title: "A"
  chapter: One
  lines:
    - narrate: "Tick."
  next: b
b:
  title: "B"
  lines:
    - narrate: "Tock."
  next: a
"""


def test_a_loop_with_nothing_to_show_stops_play_with_a_clear_message(tmp_path):
    playthrough = Playthrough(build(tmp_path, SPIN), start="spin", seed=0)
    with pytest.raises(PlayStopped, match="goes round a loop with no line to show and no choice to make") as stopped:
        for _ in range(2 * QUIET_LIMIT + 10):
            playthrough.continue_()
    assert "'spin'" in str(stopped.value)
    assert len(playthrough.take_entered()) <= QUIET_LIMIT  # what nobody asked for is not kept without end


def test_a_loop_that_shows_lines_goes_on(tmp_path):
    playthrough = Playthrough(build(tmp_path, RING_OF_LINES), seed=0)
    shown = 0
    for _ in range(6 * QUIET_LIMIT):
        if type(playthrough.continue_()) is Line:
            shown += 1
    assert shown >= 2 * QUIET_LIMIT  # every scene entered showed a line: play never stopped


def test_the_terminal_player_says_why_and_exits_1(tmp_path):
    story = write_story(tmp_path, SPIN)
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", "--text", "--story", str(story)],
        input="1\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"HEARTSTOPPER_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == EXIT_FAILED
    assert "play stopped: the story goes round a loop" in done.stderr and "Traceback" not in done.stderr


def test_the_window_says_why_in_a_dialog(tmp_path):
    ui = Driver(build(tmp_path / "story", SPIN), tmp_path / "data")
    try:
        start_screens(ui.app, start="spin")
        for _ in range(100):
            if isinstance(ui.top, Dialog):
                break
            ui.press(pygame.K_RETURN, wait=0.1)
        assert isinstance(ui.top, Dialog) and "goes round a loop" in ui.top.message
        assert ui.app.running
    finally:
        ui.close()


def test_capture_says_why_and_exits_1(tmp_path):
    story = write_story(tmp_path, SPIN)
    script = tmp_path / "spin.yaml"
    script.write_text('name: Spin\nsteps:\n  - choose: "Spin"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "game", "capture", str(script), "--story", str(story), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == EXIT_FAILED
    assert "play stopped: the story goes round a loop" in done.stderr and "Traceback" not in done.stderr
