"""Drawing a row of text whose words differ in style (emphasis: `*italic*`, `**bold**`, see `game.emphasis`).

The dialogue box and the backlog wrap such a line with `textlayout.wrap_ranges`, measuring each stretch in its own
face, and draw each row as runs of one style, side by side; the letters revealed so far are counted across runs.

A run is set where the previous one's pen stopped. SDL_ttf renders a run whose first letter reaches left of its pen
position (an italic *f* or *j*) shifted right by that much, and counts it in the run's width, so a run after the
first is drawn that much further left, and counted that much narrower: the gap before an emphasised word is the
space the text has, no wider.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.emphasis import BOLD, ITALIC
from game.ui.canvas import Canvas

Color = tuple[int, int, int]


def overhang(font: pygame.font.Font, part: str) -> int:
    """How far left of its pen position the first letter of `part` reaches, as a negative number of pixels (0 when
    it does not), which SDL_ttf adds to the left of the rendered text."""
    metrics = font.metrics(part[:1]) if part else None
    first = metrics[0] if metrics else None
    return min(0, first[0]) if first else 0


def style_runs(text: str, flags: list[int]) -> list[tuple[str, int]]:
    """`text` cut where its style changes: (part, flags) in order (`flags` from the text's first character)."""
    runs: list[tuple[str, int]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or flags[index] != flags[start]:
            runs.append((text[start:index], flags[start] if start < len(flags) else 0))
            start = index
    return runs


def styled_measure(canvas: Canvas, px: float, italic: bool, text: str, flags: list[int]) -> Callable[[int, int], float]:
    """The real width of `text[start:end]`, each run in its face (`italic` sets the whole line in italics)."""

    def measure(start: int, end: int) -> float:
        width = 0
        for number, (part, style) in enumerate(style_runs(text[start:end], flags[start:end])):
            font = canvas.font(px, italic=italic or bool(style & ITALIC), bold=bool(style & BOLD))
            width += font.size(part)[0] + (overhang(font, part) if number else 0)
        return width

    return measure


def draw_styled(
    canvas: Canvas,
    pos: tuple[float, float],
    px: float,
    color: Color,
    italic: bool,
    runs: list[tuple[str, int]],
    shown: int,
) -> None:
    """Draw a row's runs from `pos`, only the first `shown` characters of the row."""
    x, y = pos
    for number, (part, style) in enumerate(runs):
        if shown <= 0:
            return
        slanted, bold = italic or bool(style & ITALIC), bool(style & BOLD)
        lead = overhang(canvas.font(px, italic=slanted, bold=bold), part) / canvas.scale if number else 0.0
        canvas.text(part[:shown], (x + lead, y), px, color, italic=slanted, bold=bold)
        x += canvas.measure(part, px, italic=slanted, bold=bold) + lead
        shown -= len(part)
