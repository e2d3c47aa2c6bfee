"""The window: created resizable, switched to and from fullscreen, and the letterboxed frame inside it.

Screens never see the window itself; they draw on the frame (the 16:9 area) through a `Canvas`.

Fullscreen keeps the one window the game opened (recreating it with `set_mode` lost its place and size: a window
manager handed back a screen-sized window off to one side). With a window manager, the window asks it for desktop
fullscreen and back; with none on X11 (see game.ui.x11), nobody would act on that request, so the window itself
drops its border and covers the screen, and takes its old size, place and border back when fullscreen ends.
"""

from __future__ import annotations

import logging
import warnings

import pygame

from game.ui.scaling import LOGICAL_H, LOGICAL_W, Viewport
from game.ui.x11 import window_manager_running

BAR_COLOR = (22, 16, 16)

log = logging.getLogger(__name__)


def _window_of_display() -> pygame.Window:
    """The display module's window as a `pygame.Window` (to move, resize and fullscreen it in place)."""
    with warnings.catch_warnings():  # pygame-ce steers new code to Window.get_surface; the game draws as before
        warnings.simplefilter("ignore", DeprecationWarning)
        return pygame.Window.from_display_module()


class Display:
    """Owns the pygame window and the viewport that maps the logical canvas into it."""

    def __init__(
        self, size: tuple[int, int] = (LOGICAL_W, LOGICAL_H), *, fullscreen: bool = False, title: str = ""
    ) -> None:
        pygame.display.set_caption(title or "Untitled story")  # never another story's name
        self.windowed_size = size
        self.windowed_position: tuple[int, int] | None = None
        self.fullscreen = False
        self.covering = False  # fullscreen made by the window itself (no window manager)
        self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.sdl_window = _window_of_display()
        self.viewport = Viewport.fit(self.window.get_size())
        self.frame = self._frame()
        if fullscreen:
            self.set_fullscreen(True)

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
        window = self.sdl_window
        try:
            if on:
                (width, height), (x, y) = window.size, window.position
                self.windowed_size, self.windowed_position = (width, height), (x, y)
                if window_manager_running() is False:
                    self._cover_screen(window)
                else:
                    window.set_fullscreen(desktop=True)
            elif self.covering:
                self.covering = False
                window.borderless = False
                window.size = self.windowed_size
                if self.windowed_position is not None:
                    window.position = self.windowed_position
            else:
                window.set_windowed()
                window.size = self.windowed_size  # the size before fullscreen, whatever the window manager kept
            self.fullscreen = on
        except pygame.error as err:
            log.warning("cannot switch fullscreen %s: %s", "on" if on else "off", err)
        self._sync_surface()
        self.refresh()

    def _cover_screen(self, window: pygame.Window) -> None:
        """Fullscreen without a window manager: a borderless window the size of the screen, at its corner."""
        width, height = pygame.display.get_desktop_sizes()[0]
        window.borderless = True
        window.position = (0, 0)
        window.size = (width, height)
        self.covering = True

    def _sync_surface(self) -> None:
        """Let pygame resize the display surface to the window now, not only when the size event is read."""
        pygame.event.pump()

    def fill_bars(self) -> None:
        for rect in self.viewport.bars():
            self.window.fill(BAR_COLOR, rect)

    def flip(self) -> None:
        pygame.display.flip()
