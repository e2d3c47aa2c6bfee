"""Drawing a row of text whose words differ in style (emphasis: `*italic*`, `**bold**`, see `game.emphasis`).

The dialogue box and the backlog wrap such a line with `textlayout.wrap_ranges`, measuring each stretch in its own
face, and draw each row as runs of one style, side by side; the letters revealed so far are counted across runs.
"""

from __future__ import annotations

from collections.abc import Callable

from game.emphasis import BOLD, ITALIC
from game.ui.canvas import Canvas

Color = tuple[int, int, int]


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
        return sum(
            canvas.font(px, italic=italic or bool(style & ITALIC), bold=bool(style & BOLD)).size(part)[0]
            for part, style in style_runs(text[start:end], flags[start:end])
        )

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
    for part, style in runs:
        if shown <= 0:
            return
        slanted, bold = italic or bool(style & ITALIC), bool(style & BOLD)
        canvas.text(part[:shown], (x, y), px, color, italic=slanted, bold=bold)
        x += canvas.measure(part, px, italic=slanted, bold=bold)
        shown -= len(part)
