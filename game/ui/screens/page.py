"""The look and the parts shared by full-page menus (save, load, settings, history, endings, chapters): paper, a
heading, a Return button in the corner, and `ListScreen`, the screen whose business is one list of buttons."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.app import Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.theme import CHARLIE_BLUE, INK, NICK_YELLOW, PAPER, PAPER_DEEP, UI_PX, Color, mix
from game.ui.widgets import Button, ButtonList, Paint, contains

RETURN_RECT = (1080, 36, 160, 48)
PANEL_ALPHA = 235  # the page's panel: paper, letting a little of the backdrop's circles through
BLUE_CIRCLE = mix(PAPER_DEEP, CHARLIE_BLUE, 0.22)
YELLOW_CIRCLE = mix(PAPER_DEEP, NICK_YELLOW, 0.25)
# every colour the panel shows (over the plain backdrop and over each circle), for text that must stand out on it
PANEL_GROUNDS: tuple[Color, ...] = tuple(
    mix(ground, PAPER, PANEL_ALPHA / 255) for ground in (PAPER_DEEP, BLUE_CIRCLE, YELLOW_CIRCLE)
)


@dataclass(slots=True)
class ReturnButton:
    """The page's Return button: highlighted under the mouse, and a click on it goes back."""

    button: Button = field(default_factory=lambda: Button(RETURN_RECT, "Return", key="return"))
    hovered: bool = False

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return self.button.rect

    def hit(self, pos: tuple[float, float]) -> bool:
        return contains(self.button.rect, pos)

    def hover(self, pos: tuple[float, float]) -> bool:
        """Follow the mouse; True if the highlight changed."""
        hovered = self.hit(pos)
        changed = hovered != self.hovered
        self.hovered = hovered
        return changed

    def draw(self, canvas: Canvas) -> None:
        self.button.draw(canvas, self.hovered)


def return_button() -> ReturnButton:
    return ReturnButton()


def draw_page(canvas: Canvas, heading: str) -> None:
    canvas.surface.fill(PAPER_DEEP)
    canvas.circle((1180, 660), 220, BLUE_CIRCLE)
    canvas.circle((80, 80), 160, YELLOW_CIRCLE)
    canvas.panel((40, 104, 1200, 590), (*PAPER, PANEL_ALPHA), radius=26, border=2, border_color=mix(PAPER, INK, 0.3))
    canvas.text(heading, (64, 60), 40, INK, anchor="midleft", bold=True)
    width = canvas.measure(heading, 40, bold=True)
    canvas.line((66, 88), (66 + min(width, 220), 88), NICK_YELLOW, 3)


class ListScreen(Screen):
    """A screen whose business is one `ButtonList` (`self.list`), and optionally a Return button (`self.back`).

    It routes every input to the list: arrows and the pad move the highlight, Enter and clicks press a button
    (`pressed`), the mouse highlights what it is over, the wheel and the scroll bar scroll a long list, Escape (or
    a click on Return) goes back (`close`). Screens add their own keys by overriding `action` and calling it.
    """

    list: ButtonList
    back: ReturnButton | None = None

    def pressed(self, button: int, now: float) -> None:
        """The button at `button` was pressed."""
        raise NotImplementedError

    def close(self, now: float) -> bool:
        """Escape, the pad's B or Return: back to the screen below."""
        self.app.pop(now)
        return True

    def action(self, action: Action, now: float) -> bool:
        if action == Action.MENU:
            return self.close(now)
        if action in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            return self.list.move(action)
        if action == Action.CONFIRM:
            button = self.list.confirm()
            if button is not None:
                self.pressed(button, now)
            return True
        return False

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if self.back is not None and self.back.hit(pos):
            return self.close(now)
        if self.list.press(pos):
            return True
        button = self.list.click(pos)
        if button is not None:
            self.pressed(button, now)
        return True

    def event(self, event: pygame.event.Event, now: float) -> bool:
        """Dragging the scroll bar: followed while the left button is held, let go when it is released."""
        if event.type == pygame.MOUSEMOTION and self.list.drag(self.app.logical(event.pos), bool(event.buttons[0])):
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.list.release()
        return super().event(event, now)

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        changed = self.back.hover(pos) if self.back is not None else False
        return self.list.hover(pos) or changed

    def wheel(self, dy: int, now: float) -> bool:
        return self.list.wheel(dy)

    def draw_list(self, canvas: Canvas, *, px: float = UI_PX, paint: Paint | None = None) -> None:
        """The list (and its scroll bar, when it scrolls), then the Return button; `paint` draws items in a look
        of their own (see `ButtonList.draw`)."""
        self.list.draw(canvas, px=px, paint=paint)
        if self.back is not None:
            self.back.draw(canvas)
