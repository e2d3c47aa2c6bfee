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
from game.ui.theme import BOX, TEXT_SIZES


class _ProbeCanvas(Canvas):
    """A canvas at scale 1 that records panels and text rectangles and draws nothing."""

    def __init__(self, fonts: Fonts) -> None:
        super().__init__(pygame.Surface((1, 1)), 1.0, fonts)
        self.panels: list[pygame.Rect] = []
        self.texts: list[tuple[str, float, pygame.Rect, int]] = []  # text, px, rect, index of the panel before it

    def reset(self) -> None:
        self.panels.clear()
        self.texts.clear()

    def text(self, text, pos, px, color, **options) -> pygame.Rect:  # type: ignore[override]
        width, height = self.font(px, italic=options.get("italic", False), bold=options.get("bold", False)).size(text)
        rect = pygame.Rect(0, 0, width, height)
        setattr(rect, options.get("anchor", "topleft"), (self.p(pos[0]), self.p(pos[1])))
        self.texts.append((text, px, rect, len(self.panels) - 1))
        return rect

    def panel(self, rect, fill, **options) -> pygame.Rect:  # type: ignore[override]
        real = self.r(*rect)
        self.panels.append(real)
        return real

    def polygon(self, points, color) -> None:  # type: ignore[override]
        return None

    def shade(self, rgba) -> None:  # type: ignore[override]
        return None

    def line(self, a, b, color, width: float = 2) -> None:  # type: ignore[override]
        return None

    def circle(self, center, radius, color, width: float = 0) -> None:  # type: ignore[override]
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
        self.size_factor = TEXT_SIZES[Settings().text_size]
        self.box = self.canvas.r(*BOX)
        # Results by what was laid out: a language server lints again after every edit, and measures only the
        # lines and menus that changed. Bounded, since an editing session can make any number of them.
        self._rows: dict[Line, RowFit] = {}
        self._menus: dict[tuple[ChoiceOption, ...], list[tuple[int, str]]] = {}

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
        inside = sum(1 for rect in drawn if rect.bottom <= self.box.bottom and rect.right <= self.box.right)
        return RowFit(len(rows), inside)

    def _menu(self, options: tuple[ChoiceOption, ...]) -> list[tuple[int, str]]:
        canvas = self.canvas
        canvas.reset()
        ChoiceMenu(Choices("", options)).draw(canvas)
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
