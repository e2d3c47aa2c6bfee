"""The look shared by full-page menus (save, load, settings, history, endings, chapters): paper, a heading and a
Return button in the corner."""

from __future__ import annotations

from game.ui.canvas import Canvas
from game.ui.theme import CHARLIE_BLUE, INK, NICK_YELLOW, PAPER, PAPER_DEEP, mix
from game.ui.widgets import Button

RETURN_RECT = (1080, 36, 160, 48)


def return_button() -> Button:
    return Button(RETURN_RECT, "Return", key="return")


def draw_page(canvas: Canvas, heading: str) -> None:
    canvas.surface.fill(PAPER_DEEP)
    canvas.circle((1180, 660), 220, mix(PAPER_DEEP, CHARLIE_BLUE, 0.22))
    canvas.circle((80, 80), 160, mix(PAPER_DEEP, NICK_YELLOW, 0.25))
    canvas.panel((40, 104, 1200, 590), (*PAPER, 235), radius=26, border=2, border_color=mix(PAPER, INK, 0.3))
    canvas.text(heading, (64, 60), 40, INK, anchor="midleft", bold=True)
    width = canvas.measure(heading, 40, bold=True)
    canvas.line((66, 88), (66 + min(width, 220), 88), NICK_YELLOW, 3)
