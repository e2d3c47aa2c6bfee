"""The backlog (History): the lines read so far and the choices taken, newest at the bottom, scrollable.

Wheel up or Page Up opens it during play; scrolling down past the newest line, Escape or a right click closes it.
Its text follows the text-size setting. Each kind of line reads as itself: speech under the speaker's name in their
colour, thoughts in italics under "(thinking)", narration in softer ink without a name, phone messages in a chat
bubble of the sender's colour, the choices taken in blue, and with captions on, sounds and music changes as
bracketed captions in soft italics. The list sits inside the panel with a margin at both ends; a history taller
than the panel shows the shared scroll bar at its right, which a click or a drag also moves.
"""

from __future__ import annotations

import pygame

from game.emphasis import style_at
from game.ui.app import App, Screen
from game.ui.canvas import Canvas
from game.ui.input import Action
from game.ui.phone import PLAYER
from game.ui.screens.page import PANEL_GROUNDS, draw_page, return_button
from game.ui.session import LogEntry
from game.ui.spoken import Spoken, entry_words
from game.ui.styled_text import draw_styled, style_runs, styled_measure
from game.ui.textlayout import normalize_styled, width_in, wrap, wrap_ranges
from game.ui.theme import (
    CHARLIE_BLUE,
    INK,
    INK_FAINT,
    INK_SOFT,
    NICK_YELLOW,
    PAPER,
    TEXT_SIZES,
    Color,
    legible,
    mix,
    parse_hex,
)
from game.ui.widgets import ScrollBar

TOP, BOTTOM = 138, 666  # inside the page's panel (104..694) with a margin at both ends
HINTS_CLEAR = (128, 671)  # where entries may be drawn: below "Earlier above" (to 126), above "newer below" (from 673)
TEXT_X = 300
TEXT_W = 880
BUBBLE_W = 700  # message bubbles are narrower than speech, like the phone's
BUBBLE_PAD = 9
PX = 22  # at the medium text size; the player's text size scales it
GAP = 18
STEP = 90
HINT_PX = 15
# the small words beside the lines and the scroll hints, made dark enough to read on the page (4.5:1)
LABEL_INK = legible(INK_FAINT, *PANEL_GROUNDS)
HINT_INK = legible(mix(INK_SOFT, NICK_YELLOW, 0.2), *PANEL_GROUNDS)
CHOICE_INK = legible(mix(INK, CHARLIE_BLUE, 0.5), *PANEL_GROUNDS)
BAR = ScrollBar(1214, TOP, BOTTOM)


class BacklogScreen(Screen):
    def __init__(self, app: App, entries: list[LogEntry]) -> None:
        super().__init__(app)
        self.entries = list(entries)
        self.scroll = 0.0  # logical pixels scrolled up from the newest line
        self._dragging = False
        self.back = return_button()
        self._rows: list[tuple[str, ...]] = []
        self._styled: dict[int, list[list[tuple[str, int]]]] = {}  # id of an entry with emphasis -> its rows' runs
        self._scale = 0.0
        self._size()

    def _size(self) -> None:
        """Text at the player's text size (the history reads like the text box)."""
        self.px = PX * TEXT_SIZES.get(self.app.settings.text_size, 1.0)
        self.line_h = self.px * 1.4

    def resume(self, now: float) -> None:
        self._size()
        self._scale = 0.0  # lay out again: the text size or the font may have changed

    def _layout(self, canvas: Canvas) -> None:
        if canvas.scale == self._scale:
            return
        font = canvas.font(self.px)
        italic = canvas.font(self.px, italic=True)
        self._rows = []
        self._styled = {}
        for entry in self.entries:
            f = italic if entry.kind in ("thought", "choice", "caption") else font
            text = f"\u00bb {entry.text}" if entry.kind == "choice" else entry.text
            width = BUBBLE_W if entry.kind == "message" else TEXT_W
            if entry.styles and entry.kind != "choice":
                shown, flags = normalize_styled(text, style_at(entry.styles, len(text)))
                measure = styled_measure(canvas, self.px, entry.kind == "thought", shown, flags)
                wrapped, starts = wrap_ranges(shown, measure, canvas.p(width))
                self._styled[id(entry)] = [
                    style_runs(row, flags[start:]) for row, start in zip(wrapped.rows, starts, strict=True)
                ]
                self._rows.append(wrapped.rows)
                continue
            self._rows.append(wrap(text, width_in(f), canvas.p(width)).rows)
        self._scale = canvas.scale

    def _height(self, entry: LogEntry, rows: tuple[str, ...]) -> float:
        height = len(rows) * self.line_h
        if entry.kind in ("thought", "message") and entry.name:
            height = max(height, self.line_h + 18)  # room for the small "thinking" or "message" under the name
        return height + (2 * BUBBLE_PAD if entry.kind == "message" else 0)

    def _content_height(self) -> float:
        return sum(self._height(e, rows) + GAP for e, rows in zip(self.entries, self._rows)) - GAP

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

    def _scroll_to_bar(self, y: float) -> bool:
        """Scroll so the thumb is centred at `y` (the bar counts from the oldest line, `scroll` from the newest)."""
        most = self._max_scroll()
        self.scroll = max(0.0, min(most, most - BAR.offset_at(y, most, self._content_height())))
        return True

    def click(self, pos: tuple[float, float], now: float) -> bool:
        if self.back.hit(pos):
            self.app.pop(now)
        elif self._max_scroll() > 0 and BAR.hit(pos):
            self._dragging = True
            return self._scroll_to_bar(pos[1])
        return True

    def event(self, event: pygame.event.Event, now: float) -> bool:
        """Dragging the scroll bar: followed while the left button is held, let go when it is released."""
        if event.type == pygame.MOUSEMOTION and self._dragging:
            if event.buttons[0]:
                return self._scroll_to_bar(self.app.logical(event.pos)[1])
            self._dragging = False
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self._dragging = False
        return super().event(event, now)

    def motion(self, pos: tuple[float, float], now: float) -> bool:
        return self.back.hover(pos)

    def reading(self) -> int | None:
        """The entry at the bottom of the view (the newest one shown), which self-voicing reads."""
        if not self.entries:
            return None
        if not self._rows:
            return len(self.entries) - 1
        y = 0.0
        for i in range(len(self.entries) - 1, -1, -1):
            y += self._height(self.entries[i], self._rows[i]) + GAP
            if y > self.scroll:
                return i
        return 0

    def speech(self, now: float) -> Spoken | None:
        i = self.reading()
        said = "Nothing has been said yet." if i is None else entry_words(self.entries[i], player=PLAYER)
        return Spoken("history", "History. Up and down read back", said)

    def draw(self, canvas: Canvas, now: float) -> None:
        self._layout(canvas)
        draw_page(canvas, "History")
        if not self.entries:
            canvas.text("Nothing has been said yet.", (640, 380), self.px, INK_SOFT, anchor="center", italic=True)
        clip = canvas.surface.get_clip()
        # the entries stop short of the hints above and below them, which stay inside the panel's border
        canvas.surface.set_clip(canvas.r(42, HINTS_CLEAR[0], 1196, HINTS_CLEAR[1] - HINTS_CLEAR[0]))
        y = BOTTOM + self.scroll
        for entry, rows in zip(reversed(self.entries), reversed(self._rows)):
            height = self._height(entry, rows)
            y -= height
            if y > BOTTOM + 10:
                y -= GAP
                continue
            if y + height < TOP - 10:
                break
            self._draw_entry(canvas, entry, rows, y)
            y -= GAP
        canvas.surface.set_clip(clip)
        if self.scroll < self._max_scroll():
            canvas.text("Earlier above", (1220, 117), HINT_PX, HINT_INK, anchor="midright")
        if self.scroll > 0:
            _draw_newer_below(canvas, HINT_INK)
        most = self._max_scroll()
        if most > 0:
            BAR.draw(canvas, most - self.scroll, most, self._content_height(), arrows=False)
        self.back.draw(canvas)

    def _draw_entry(self, canvas: Canvas, entry: LogEntry, rows: tuple[str, ...], y: float) -> None:
        color = parse_hex(entry.color)
        label_ink = legible(mix(color, INK, 0.45), *PANEL_GROUNDS)  # their colour, dark enough to read
        italic = entry.kind in ("thought", "choice", "caption")
        ink = INK
        x = TEXT_X
        if entry.kind == "choice":
            ink = CHOICE_INK
            canvas.text("You chose", (TEXT_X - 24, y), self.px - 4, LABEL_INK, anchor="topright", italic=True)
        elif entry.kind in ("narration", "caption"):
            ink = INK_SOFT
        elif entry.kind == "thought":
            ink = mix(INK, color, 0.3)
            if entry.name:
                canvas.text(entry.name, (TEXT_X - 24, y), self.px, label_ink, anchor="topright", bold=True)
                canvas.text(
                    "thinking", (TEXT_X - 24, y + self.line_h), self.px - 6, LABEL_INK, anchor="topright", italic=True
                )
        elif entry.kind == "message":
            font = canvas.font(self.px)
            width = max((font.size(r)[0] for r in rows), default=0) / canvas.scale + 2 * BUBBLE_PAD + 8
            mine = entry.speaker == PLAYER
            fill = mix(CHARLIE_BLUE, PAPER, 0.35) if mine else mix(color, PAPER, 0.7)
            bubble_h = len(rows) * self.line_h + 2 * BUBBLE_PAD
            canvas.panel((TEXT_X - BUBBLE_PAD, y, width, bubble_h), fill, radius=14)
            x = TEXT_X + 4
            y += BUBBLE_PAD
            if entry.name:
                canvas.text(entry.name, (TEXT_X - 24, y), self.px, label_ink, anchor="topright", bold=True)
                canvas.text(
                    "message", (TEXT_X - 24, y + self.line_h), self.px - 6, LABEL_INK, anchor="topright", italic=True
                )
        elif entry.name:
            canvas.text(entry.name, (TEXT_X - 24, y), self.px, label_ink, anchor="topright", bold=True)
        styled = self._styled.get(id(entry))
        for i, row in enumerate(rows):
            if styled is not None:
                draw_styled(canvas, (x, y + i * self.line_h), self.px, ink, italic, styled[i], len(row))
                continue
            canvas.text(row, (x, y + i * self.line_h), self.px, ink, italic=italic)


def _draw_newer_below(canvas: Canvas, color: Color) -> None:
    """The hint at the foot of a history scrolled up: "newer below" after a small arrow pointing down, drawn as a
    shape like the text box's continue mark (the fonts have no arrow glyph)."""
    rect = canvas.text("newer below", (1220, 681), HINT_PX, color, anchor="midright")
    x = rect.left / canvas.scale - 8
    canvas.polygon([(x - 12, 677), (x, 677), (x - 6, 685)], canvas.ink(color))
