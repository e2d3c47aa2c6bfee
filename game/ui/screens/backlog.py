"""The backlog (History): the lines read so far and the choices taken, newest at the bottom, scrollable.

Wheel up or Page Up opens it during play; scrolling down past the newest line, Escape or a right click closes it.
"""

from __future__ import annotations

from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.screens.page import draw_page, return_button
from game.ui.session import LogEntry
from game.ui.textlayout import wrap
from game.ui.theme import CHARLIE_BLUE, INK, INK_FAINT, INK_SOFT, NICK_YELLOW, mix, parse_hex
from game.ui.widgets import contains

TOP, BOTTOM = 120, 680
TEXT_X = 280
TEXT_W = 900
PX = 22
LINE_H = PX * 1.4
GAP = 14
STEP = 90


class BacklogScreen(Screen):
    def __init__(self, app: App, entries: list[LogEntry]) -> None:
        super().__init__(app)
        self.entries = list(entries)
        self.scroll = 0.0  # logical pixels scrolled up from the newest line
        self.back = return_button()
        self.back_hover = False
        self._rows: list[tuple[str, ...]] = []
        self._scale = 0.0

    def _layout(self, canvas: Canvas) -> None:
        if canvas.scale == self._scale:
            return
        font = canvas.font(PX)
        italic = canvas.font(PX, italic=True)
        self._rows = []
        for entry in self.entries:
            f = italic if entry.kind in ("thought", "choice") else font
            text = f"\u00bb {entry.text}" if entry.kind == "choice" else entry.text
            self._rows.append(wrap(text, lambda s, f=f: f.size(s)[0], canvas.p(TEXT_W)).rows)
        self._scale = canvas.scale

    def _content_height(self) -> float:
        return sum(len(rows) * LINE_H + GAP for rows in self._rows)

    def _max_scroll(self) -> float:
        return max(0.0, self._content_height() - (BOTTOM - TOP))

    def _scroll_by(self, dy: float, now: float, *, close_at_bottom: bool = False) -> bool:
        if dy < 0 and self.scroll <= 0 and close_at_bottom:
            self.app.pop(now)
            return True
        self.scroll = max(0.0, min(self._max_scroll(), self.scroll + dy))
        return True

    def action(self, action: Action, now: float) -> bool:
        if action == Action.MENU:
            self.app.pop(now)
            return True
        if action in (Action.UP, Action.BACKLOG):
            return self._scroll_by(STEP if action == Action.UP else (BOTTOM - TOP) * 0.8, now)
        if action == Action.DOWN:
            return self._scroll_by(-STEP, now)
        if action == Action.ROLL_FORWARD:
            return self._scroll_by(-(BOTTOM - TOP) * 0.8, now, close_at_bottom=True)
        return False

    def wheel(self, dy: int, now: float) -> bool:
        return self._scroll_by(STEP * dy, now, close_at_bottom=dy < 0)

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if contains(self.back.rect, pos):
            self.app.pop(now)
        return True

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        hover = contains(self.back.rect, pos)
        changed = hover != self.back_hover
        self.back_hover = hover
        return changed

    def draw(self, canvas: Canvas, now: float) -> None:
        self._layout(canvas)
        draw_page(canvas, "History")
        if not self.entries:
            canvas.text("Nothing has been said yet.", (640, 380), PX, INK_SOFT, anchor="center", italic=True)
        clip = canvas.surface.get_clip()
        canvas.surface.set_clip(canvas.r(40, TOP - 6, 1200, BOTTOM - TOP + 12))
        y = BOTTOM + self.scroll
        for entry, rows in zip(reversed(self.entries), reversed(self._rows)):
            height = len(rows) * LINE_H
            y -= height
            if y > BOTTOM + 10:
                y -= GAP
                continue
            if y + height < TOP - 10:
                break
            italic = entry.kind in ("thought", "choice")
            ink = (
                mix(INK, CHARLIE_BLUE, 0.5)
                if entry.kind == "choice"
                else (INK_SOFT if entry.kind == "narration" else INK)
            )
            if entry.name and entry.kind not in ("narration", "choice"):
                color = parse_hex(entry.color)
                canvas.text(entry.name, (TEXT_X - 24, y), PX, mix(color, INK, 0.45), anchor="topright", bold=True)
            elif entry.kind == "choice":
                canvas.text("You chose", (TEXT_X - 24, y), PX - 4, INK_FAINT, anchor="topright", italic=True)
            for i, row in enumerate(rows):
                canvas.text(row, (TEXT_X, y + i * LINE_H), PX, ink, italic=italic)
            y -= GAP
        canvas.surface.set_clip(clip)
        if self.scroll > 0:
            canvas.text("\u2193 newer below", (1220, 686), 15, mix(INK_SOFT, NICK_YELLOW, 0.2), anchor="midright")
        self.back.draw(canvas, self.back_hover)
