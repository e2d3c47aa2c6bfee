"""The real loop (`App.run`) with injected time: what is on screen once the game comes to rest.

The driver steps the loop itself, so it cannot see what the sleeping loop skips; here `run` runs as in the game,
with a clock and a sleep that only move when the loop asks, and the picture left in the window is compared with a
freshly drawn one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.events import Line
from game.loader import load_story
from game.ui.driver import Driver
from game.ui.screens.game import GameScreen
from tests.test_ui_golden import difference

STORY = Path(__file__).parent / "fixtures" / "ui_story"


class SteppingClock:
    """Time that moves a frame each time the loop reads it (once a turn) and by the whole nap when the loop sleeps."""

    def __init__(self, start: float, stop_at: float) -> None:
        self.now = start
        self.stop_at = stop_at
        self.naps = 0

    def __call__(self) -> float:
        self.now += 1 / 60
        return self.now

    def sleep(self, seconds: float) -> None:
        self.naps += 1
        self.now += seconds
        if self.now >= self.stop_at:
            pygame.event.post(pygame.event.Event(pygame.QUIT))


def test_a_line_that_finishes_typing_on_its_own_is_drawn_whole_at_rest() -> None:
    ui = Driver(load_story(STORY), Path(os.environ["HEARTSTOPPER_DATA_DIR"]))
    try:
        game = ui.start_new_game()
        assert isinstance(game, GameScreen)
        ui.press(pygame.K_SPACE)
        ui.press(pygame.K_SPACE)  # the next line starts typing now
        line = game.session.beat
        assert isinstance(line, Line) and not game.line_complete(ui.clock.now)
        start = ui.clock.now
        clock = SteppingClock(start, start + 6.0)
        frames: list[float] = []
        ui.app.clock, ui.app.sleep = clock, clock.sleep
        ui.app.on_frame = frames.append
        assert ui.app.run() == 0
        done = game.dialogue.complete_at(ui.app.settings.chars_per_second())
        assert frames and frames[-1] >= done, "the frame that completes the line was never drawn"
        assert clock.naps > 10, "the loop did not come to rest"
        at_rest = ui.app.display.window.copy()
        ui.app.render(clock.now)
        mean, share = difference(at_rest, ui.app.display.window.copy())
        assert share == 0.0 and mean == 0.0
    finally:
        ui.close()
