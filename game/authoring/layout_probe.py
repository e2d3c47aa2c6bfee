"""Measuring story text the way the game lays it out, without a window: the game's own dialogue box and choice
menu draw onto a probe canvas that records where each piece of text would go instead of drawing it.

This keeps the linter honest without copying a number from the front end: the font is the game's (Noto Sans from
its pip package, through `game.ui.fonts`), the wrapping is the dialogue box's, the positions are wherever
`DialogueBox.draw` and `ChoiceMenu.draw` put them, at the default text size of `game.ui.settings.Settings`, on the
logical 1280x720 canvas. If the front end changes its box or font, the linter follows.

Importing this module imports pygame; the linter imports it only for the fit checks (HS023, HS024).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # the linter's JSON output must stay clean

import pygame

from game.events import ChoiceOption, Choices, Line
from game.ui.canvas import Canvas
from game.ui.choices import ChoiceMenu
from game.ui.dialogue import DialogueBox
from game.ui.fonts import Fonts
from game.ui.settings import Settings
from game.ui.theme import BOX, BOX_TEXT_W, TEXT_SIZES


class _ProbeCanvas(Canvas):
    """A canvas at scale 1 that records panels and text rectangles and draws nothing."""

    def __init__(self, fonts: Fonts) -> None:
        super().__init__(pygame.Surface((1, 1)), 1.0, fonts)
        self.panels: list[pygame.Rect] = []
        self.texts: list[tuple[str, float, pygame.Rect, int]] = []  # text, px, rect, index of the panel before it

    def reset(self) -> None:
        self.panels.clear()
        self.texts.clear()

    def text(self, text, pos, px, color, **options) -> pygame.Rect:
        width, height = self.font(px, italic=options.get("italic", False), bold=options.get("bold", False)).size(text)
        rect = pygame.Rect(0, 0, width, height)
        setattr(rect, options.get("anchor", "topleft"), (self.p(pos[0]), self.p(pos[1])))
        self.texts.append((text, px, rect, len(self.panels) - 1))
        return rect

    def panel(self, rect, fill, **options) -> pygame.Rect:
        real = self.r(*rect)
        self.panels.append(real)
        return real

    def polygon(self, points, color) -> None:
        return None

    def shade(self, rgba) -> None:
        return None

    def line(self, a, b, color, width: float = 2) -> None:
        return None

    def circle(self, center, radius, color, width: float = 0) -> None:
        return None


@dataclass(frozen=True, slots=True)
class RowFit:
    rows: int  # rows the line wraps to
    room: int  # rows the box shows


class LayoutProbe:
    """Lays out lines and menus with the game's code; one per lint run (fonts are opened once)."""

    def __init__(self) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.canvas = _ProbeCanvas(Fonts())
        self._sentinel = pygame.font.Font(None, 12)  # tells whether the font module was quit since (`alive`)
        self.size_factor = TEXT_SIZES[Settings().text_size]
        self.box = self.canvas.r(*BOX)
        self._rows_shown: dict[tuple, int] = {}  # (kind, speaker, name, expression set) -> rows the box shows
        self._glyphs: dict[tuple[bool, str], int] = {}  # (italic, character) -> its width
        self._words: dict[bool, dict[str, int]] = {False: {}, True: {}}  # italic -> word -> width (over-estimated)
        self._fonts: dict[bool, tuple[pygame.font.Font, int, int]] = {}  # italic -> font, row width, space width
        # Results by what was laid out: a language server lints again after every edit, and measures only the
        # lines and menus that changed. Bounded, since an editing session can make any number of them.
        self._rows: dict[Line, RowFit] = {}
        self._menus: dict[tuple[ChoiceOption, ...], list[tuple[int, str]]] = {}
        self._fits: dict[Line, bool] = {}

    def alive(self) -> bool:
        """False once pygame's font module has been quit since this probe opened its fonts (they are unusable
        then, even after the module is started again)."""
        if not pygame.font.get_init():
            return False
        try:
            self._sentinel.size(" ")
        except pygame.error:
            return False
        return True

    def surely_fits(self, line: Line) -> bool:
        """`_surely_fits`, remembered by line (a language server lints the same lines after every edit)."""
        known = self._fits.get(line)
        if known is None:
            known = _remember(self._fits, line, self._surely_fits(line))
        return known

    def _surely_fits(self, line: Line) -> bool:
        """True when `line` certainly wraps to no more rows than the box shows, found without laying it out; False
        means only "not sure" (then `dialogue` decides).

        Greedy wrapping ends a row only when the next word does not fit, so every row but the last is wider than
        the row width less the widest word and a space: a line whose whole width is W wraps to at most
        1 + W / (row width - widest word - space) rows. Widths are over-estimated (each word as the sum of its
        letters' widths or its own width if wider, the line as the sum of its words and spaces, both with a margin),
        so the bound only ever errs towards "not sure".
        A line with a line break, or a word wider than a row, is never decided here.
        """
        text = line.text
        if "\n" in text:
            return False
        key = (line.kind, line.speaker, line.name, line.expression is not None)
        shown = self._rows_shown.get(key)
        if shown is None:
            long_line = Line(line.kind, "word " * 400, line.speaker, line.name, line.color, line.expression, "")
            shown = self._rows_shown[key] = self.dialogue(long_line).room
        italic = line.kind == "thought"
        font, row_width, space = self._fonts.get(italic) or self._font(italic)
        words = self._words[italic]
        widest = total = 0
        split = text.split()
        for word in split:
            width = words.get(word)
            if width is None:
                width = words[word] = self._word_width(font, italic, word)
            total += width
            if width > widest:
                widest = width
        spare = row_width - widest * 1.1 - space * 2
        if spare <= 0:
            return False
        total += space * len(split)  # the line's width, over-estimated like its words'
        return 1 + (total * 1.05 + 8) / spare <= shown

    def _font(self, italic: bool) -> tuple[pygame.font.Font, int, int]:
        font = self.canvas.font(DialogueBox().text_px(self.size_factor), italic=italic)
        self._fonts[italic] = (font, self.canvas.p(BOX_TEXT_W), font.size(" ")[0])
        return self._fonts[italic]

    def _word_width(self, font: pygame.font.Font, italic: bool, word: str) -> int:
        """A word's width as the sum of its letters' widths (at least its real width: kerning only narrows)."""
        glyphs = self._glyphs
        width = 0
        for char in word:
            glyph = glyphs.get((italic, char))
            if glyph is None:
                glyph = glyphs[(italic, char)] = font.size(char)[0]
            width += glyph
        return max(width, font.size(word)[0])

    def dialogue(self, line: Line) -> RowFit:
        """How many rows `line` needs in the dialogue box, and how many rows of it the box shows."""
        known = self._rows.get(line)
        if known is None:
            known = _remember(self._rows, line, self._dialogue(line))
        return known

    def menu(self, options: tuple[ChoiceOption, ...]) -> list[tuple[int, str]]:
        """(option position, 'text' or 'locked') for each label or locked reason wider than its button."""
        known = self._menus.get(options)
        if known is None:
            known = _remember(self._menus, options, self._menu(options))
        return list(known)

    def _dialogue(self, line: Line) -> RowFit:
        box = DialogueBox()
        box.show(line, 0.0)
        canvas = self.canvas
        canvas.reset()
        box.draw(canvas, 0.0, 0.0, self.size_factor)
        rows = box.wrapped(canvas, self.size_factor).rows
        px = box.text_px(self.size_factor)
        drawn = [rect for text, size, rect, _ in canvas.texts if size == px and text in rows]
        wide = sum(1 for rect in drawn if rect.right > self.box.right)
        # the box grows to hold a long line; the rows it holds at its usual size are what the author is told about
        return RowFit(len(rows), min(len(rows) - wide, box.room(canvas, self.size_factor)))

    def _menu(self, options: tuple[ChoiceOption, ...]) -> list[tuple[int, str]]:
        canvas = self.canvas
        canvas.reset()
        ChoiceMenu(Choices("", options), wrap_labels=False).draw(canvas)
        too_wide: list[tuple[int, str]] = []
        seen: dict[int, int] = {}
        for _, _, rect, panel in canvas.texts:
            if panel < 0:
                continue
            part = seen.get(panel, 0)
            seen[panel] = part + 1
            button = canvas.panels[panel]
            if rect.left < button.left or rect.right > button.right:
                too_wide.append((panel, "text" if part == 0 else "locked"))
        return too_wide


REMEMBERED = 20_000  # results kept per kind; past this the oldest half is forgotten


def _remember(table: dict, key, value):
    if len(table) >= REMEMBERED:
        for old in list(table)[: REMEMBERED // 2]:
            del table[old]
    table[key] = value
    return value
