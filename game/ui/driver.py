"""A headless driver for the real front end: synthetic input through pygame's event queue and a clock that moves
only when told. Tests, the bench and captures use it to play the game exactly as a person would, deterministically.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.ui.app import App, Screen
from game.ui.launch import open_app, start_screens
from game.ui.speech import Speaker

FRAME = 1 / 20  # tests step coarsely; animations are functions of time, so the pictures are the same


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Driver:
    """Runs an App for `story`; every input goes through `pygame.event.post` and one loop step."""

    def __init__(
        self,
        story: Any,
        data_dir: Path,
        *,
        size: tuple[int, int] = (1280, 720),
        dev: bool = False,
        title: bool = True,
        speaker: Speaker | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.app: App = open_app(story, size=size, dev=dev, clock=self.clock, data=data_dir, speaker=speaker)
        self.app.settings.text_speed = 45
        pygame.event.clear()
        if title:
            start_screens(self.app)
        self.step()

    @property
    def top(self) -> Screen | None:
        return self.app.top

    def step(self) -> bool:
        return self.app.step(pygame.event.get(), self.clock.now)

    def wait(self, seconds: float, *, frame: float = FRAME) -> None:
        """Let time pass, running the loop as the real one would."""
        end = self.clock.now + seconds
        while self.clock.now < end:
            self.clock.now = min(end, self.clock.now + frame)
            self.step()

    def post(self, *events: pygame.event.Event) -> None:
        for event in events:
            pygame.event.post(event)
        self.step()

    def press(self, key: int, *, mod: int = 0, wait: float = 0.0) -> None:
        self.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0),
        )
        if wait:
            self.wait(wait)

    def start_new_game(self, *, wait: float = 3.0) -> Screen | None:
        """From the title: New game, past the content note, and let the first scene settle; the game screen."""
        self.press(pygame.K_RETURN)
        self.press(pygame.K_RETURN)
        self.wait(wait)
        return self.top

    def key_down(self, key: int) -> None:
        self.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))

    def key_up(self, key: int) -> None:
        self.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))

    def window_pos(self, logical: tuple[float, float]) -> tuple[int, int]:
        vp = self.app.display.viewport
        return (round(vp.offset[0] + logical[0] * vp.scale), round(vp.offset[1] + logical[1] * vp.scale))

    def click(self, logical: tuple[float, float], *, button: int = 1, wait: float = 0.0) -> None:
        pos = self.window_pos(logical)
        self.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
        )
        if wait:
            self.wait(wait)

    def click_rect(self, rect: tuple[float, float, float, float], **kw: Any) -> None:
        self.click((rect[0] + rect[2] / 2, rect[1] + rect[3] / 2), **kw)

    def pad(self, button: int) -> None:
        """Press and release a game controller's button (pygame.CONTROLLER_BUTTON_...)."""
        self.post(
            pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0),
            pygame.event.Event(pygame.CONTROLLERBUTTONUP, button=button, instance_id=0),
        )

    def stick(self, axis: int, value: int) -> None:
        """Move a controller's stick on `axis` to `value` (-32768..32767)."""
        self.post(pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=axis, value=value, instance_id=0))

    def wheel(self, dy: int) -> None:
        self.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy)))

    def frame(self) -> pygame.Surface:
        """The picture on screen now (drawn fresh)."""
        self.app.render(self.clock.now)
        return self.app.display.window.copy()

    def close(self) -> None:
        self.app.close()
        pygame.display.quit()
