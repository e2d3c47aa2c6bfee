"""The quick menu: a row of small text buttons under the dialogue box (Back, History, Skip, Auto, saves, menu),
so everything on the keyboard can also be done with the mouse."""

from __future__ import annotations

from game.ui.canvas import Canvas
from game.ui.theme import INK, INK_SOFT, NICK_YELLOW, PAPER, QUICK_MENU_Y, mix
from game.ui.widgets import contains

ITEMS = (
    ("back", "Back"),
    ("history", "History"),
    ("skip", "Skip"),
    ("auto", "Auto"),
    ("save", "Save"),
    ("qsave", "Q.Save"),
    ("qload", "Q.Load"),
    ("settings", "Settings"),
    ("menu", "Menu"),
)
PX = 16
ITEM_W = 84
HEIGHT = 22


class QuickMenu:
    def __init__(self) -> None:
        total = ITEM_W * len(ITEMS)
        left = 640 - total / 2
        self.rects = {key: (left + i * ITEM_W, QUICK_MENU_Y, ITEM_W, HEIGHT) for i, (key, _) in enumerate(ITEMS)}
        self.hovered: str | None = None

    def hit(self, pos: tuple[float, float]) -> str | None:
        return next((key for key, rect in self.rects.items() if contains(rect, pos)), None)

    def hover(self, pos: tuple[float, float]) -> bool:
        key = self.hit(pos)
        changed = key != self.hovered
        self.hovered = key
        return changed

    def draw(self, canvas: Canvas, active: set[str]) -> None:
        first = self.rects[ITEMS[0][0]]
        canvas.panel(
            (first[0] - 8, first[1] - 1, ITEM_W * len(ITEMS) + 16, HEIGHT + 2),
            PAPER,
            radius=11,
            border=1,
            border_color=mix(PAPER, INK, 0.2),
        )
        for key, label in ITEMS:
            x, y, w, h = self.rects[key]
            on = key in active
            if on or key == self.hovered:
                canvas.panel((x + 6, y, w - 12, h), mix(PAPER, NICK_YELLOW, 0.55 if on else 0.3), radius=10)
            canvas.text(
                label,
                (x + w / 2, y + h / 2),
                PX,
                INK if on or key == self.hovered else INK_SOFT,
                anchor="center",
            )
