"""The full-page text mode (Ren'Py's NVL): an author's `mode: nvl` passage is read on a page over the stage, each
line under the one before, instead of one line at a time in the dialogue box.

The page keeps the passage's lines (the engine's `Line` events, in order); the newest is revealed letter by letter
at the player's text speed, by the dialogue box's own count, and the older ones stay whole above it. When the page
is full the oldest lines give way, so the newest is always on it. A menu at the end of a passage sits on the page
under its last line (as in Ren'Py's NVL menus): the page keeps room for it below the text (`reserve`), the oldest
lines giving way to it too. The page empties when the passage ends (`mode: adv`, or a new scene). It draws only
what it is given: the time comes from the caller, never from a clock here.
"""

from __future__ import annotations

from game.events import Line
from game.ui.canvas import Canvas
from game.ui.textlayout import Wrapped, wrap
from game.ui.theme import DIALOGUE_PX, INK, INK_SOFT, NAME_PX, PAPER, Color, legible, mix, parse_hex

PAGE = (110, 36, 1060, 560)  # x, y, width, height of the page on the logical canvas
MARGIN = 44
GAP = 14  # between two lines of the page
MENU_GAP = 24  # between the last line and a menu on the page
MENU_BOTTOM = PAGE[1] + PAGE[3] - 34  # the lowest a menu on the page reaches (it scrolls if it needs more)


PAGE_ALPHA = 236  # the page is paper, a little translucent over the scene
PAGE_GROUNDS: tuple[Color, ...] = (PAPER, mix(PAPER, (0, 0, 0), 1 - PAGE_ALPHA / 255))  # over white, and over black


def page_inks(color: Color) -> tuple[Color, Color]:
    """A speaker's name, and their thoughts, in a shade of their colour that reads on the page whatever the scene
    under it (`theme.legible`)."""
    return legible(mix(INK, color, 0.55), *PAGE_GROUNDS), legible(mix(INK, color, 0.25), *PAGE_GROUNDS)


class NvlPage:
    """The lines of the passage on the page so far."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._wraps: dict[tuple, Wrapped] = {}
        self.text_end: float = PAGE[1]  # where the text on the page ended when it was last drawn (logical y)

    @property
    def active(self) -> bool:
        return bool(self.lines)

    def clear(self) -> None:
        self.lines.clear()
        self._wraps.clear()

    def add(self, line: Line) -> None:
        if not self.lines or self.lines[-1] is not line:
            self.lines.append(line)

    def set_lines(self, lines: list[Line]) -> None:
        """The whole page at once (after a load or a rollback)."""
        self.lines = list(lines)

    def _rows(self, canvas: Canvas, line: Line, px: float) -> Wrapped:
        italic = line.kind == "thought"
        key = (line.beat_id, line.text, canvas.p(px), italic, canvas.fonts.family)
        if key not in self._wraps:
            font = canvas.font(px, italic=italic)
            self._wraps[key] = wrap(line.text, lambda s: font.size(s)[0], canvas.p(PAGE[2] - 2 * MARGIN))
        return self._wraps[key]

    def draw(self, canvas: Canvas, revealed: int, size_factor: float, reserve: float = 0.0) -> float:
        """The page, with the newest line revealed up to `revealed` characters and `reserve` (logical height) kept
        free below the text where it can be (the newest line is always shown); where the text ends."""
        if not self.lines:
            return PAGE[1]
        px = DIALOGUE_PX * size_factor
        row_height = px * 1.42
        name_height = NAME_PX * size_factor * 1.3
        room: float = PAGE[3] - 2 * MARGIN + GAP - reserve
        shown: list[tuple[Line, Wrapped, float]] = []
        for line in reversed(self.lines):
            rows = self._rows(canvas, line, px)
            height = len(rows.rows) * row_height + (name_height if _named(line) else 0) + GAP
            if shown and height > room:
                break
            shown.append((line, rows, height))
            room -= height
        canvas.panel(PAGE, (*PAPER, PAGE_ALPHA), radius=22, border=2, border_color=mix(INK, PAPER, 0.4), shadow=True)
        y: float = PAGE[1] + MARGIN
        newest = self.lines[-1]
        for line, rows, height in reversed(shown):
            color = parse_hex(line.color, INK_SOFT)
            thought = line.kind == "thought"
            name_ink, thought_ink = page_inks(color)
            if _named(line):
                canvas.text(line.name or "", (PAGE[0] + MARGIN, y), NAME_PX * size_factor, name_ink, bold=True)
                y += name_height
            ink = thought_ink if thought else INK
            visible = rows.visible(revealed) if line is newest else list(rows.rows)
            font = canvas.font(px, italic=thought)
            for i, part in enumerate(visible):
                full = rows.rows[i]
                clip = None if part == full else font.size(part)[0]
                canvas.text(full, (PAGE[0] + MARGIN, y + i * row_height), px, ink, italic=thought, clip_width=clip)
            y += height - (name_height if _named(line) else 0)
        self.text_end = y - GAP
        return self.text_end


def _named(line: Line) -> bool:
    return bool(line.name) and line.kind not in ("narration",)
