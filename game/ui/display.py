"""The window: created resizable, switched to and from fullscreen, and the letterboxed frame inside it.

Screens never see the window itself; they draw on the frame (the 16:9 area) through a `Canvas`.
"""

from __future__ import annotations

import warnings

import pygame

from game.ui.scaling import LOGICAL_H, LOGICAL_W, Viewport

BAR_COLOR = (22, 16, 16)


class Display:
    """Owns the pygame window and the viewport that maps the logical canvas into it."""

    def __init__(
        self, size: tuple[int, int] = (LOGICAL_W, LOGICAL_H), *, fullscreen: bool = False, title: str = ""
    ) -> None:
        pygame.display.set_caption(title or "Heartstopper: Season Two")
        self.windowed_size = size
        self.fullscreen = False
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        if fullscreen:
            self.set_fullscreen(True)
        self.viewport = Viewport.fit(self.window.get_size())
        self.frame = self._frame()

    def _frame(self) -> pygame.Surface:
        ox, oy = self.viewport.offset
        w, h = self.viewport.size
        return self.window.subsurface((ox, oy, w, h))

    def refresh(self) -> bool:
        """Follow the window's current size; True if the viewport changed."""
        surface = pygame.display.get_surface()
        if surface is not None:
            self.window = surface
        viewport = Viewport.fit(self.window.get_size())
        changed = viewport != self.viewport
        self.viewport = viewport
        self.frame = self._frame()
        if not self.fullscreen:
            self.windowed_size = self.window.get_size()
        return changed

    def set_fullscreen(self, on: bool) -> None:
        if on == self.fullscreen:
            return
        try:
            if on:
                self.windowed_size = self.window.get_size()
                self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                with warnings.catch_warnings():  # without a window manager the size may not be granted: fine
                    warnings.simplefilter("ignore", RuntimeWarning)
                    self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            self.fullscreen = on
        except pygame.error:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            self.fullscreen = False
        self.refresh()

    def fill_bars(self) -> None:
        for rect in self.viewport.bars():
            self.window.fill(BAR_COLOR, rect)

    def flip(self) -> None:
        pygame.display.flip()
