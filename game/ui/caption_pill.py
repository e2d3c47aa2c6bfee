"""Captions on their own: when no text box holds a beat's captions (the phone is up, or a menu follows a sound),
they stand in a pill at the top of the screen.

The pill keeps clear of the phone: it sits beside it, on the side with room (the phone stands where no sprite
does, on the right, the left or in the middle), never over its header, and wraps onto more rows rather than run
past the screen's edge or into the phone. Without a phone it sits at the top right, clear of the toasts.
"""

from __future__ import annotations

from game.ui.canvas import Canvas
from game.ui.textlayout import wrap
from game.ui.theme import INK, PAPER, SMALL_PX

Rect = tuple[float, float, float, float]

TOP = 64  # under the toasts (16..56) and above the sprites' heads
EDGE = 20  # from the screen's edge
GAP = 14  # from the phone
PAD_X = 18
PAD_Y = 8
ROW = SMALL_PX * 1.3


def room(phone: Rect | None) -> tuple[float, float, str]:
    """(left, right, the side it hugs: "left" or "right") of the band the pill may use beside `phone`."""
    if phone is None:
        return EDGE, 1280 - EDGE, "right"
    x, _, w, _ = phone
    before, after = x - GAP - EDGE, 1280 - EDGE - (x + w + GAP)
    if before >= after:
        return EDGE, x - GAP, "right"  # to the phone's left, pressed against it
    return x + w + GAP, 1280 - EDGE, "left"


def layout(canvas: Canvas, captions: tuple[str, ...], phone: Rect | None) -> tuple[Rect, tuple[str, ...]]:
    """Where the pill goes (logical) and its rows of words."""
    left, right, hug = room(phone)
    font = canvas.font(SMALL_PX, italic=True)
    rows = wrap("  ".join(captions), lambda s: font.size(s)[0], canvas.p(right - left - 2 * PAD_X)).rows
    width = max(canvas.measure(r, SMALL_PX, italic=True) for r in rows) + 2 * PAD_X
    height = len(rows) * ROW + 2 * PAD_Y
    x = right - width if hug == "right" else left
    return (x, TOP, width, height), rows


def draw_caption_pill(canvas: Canvas, captions: tuple[str, ...], phone: Rect | None = None) -> Rect:
    """Draw the captions beside `phone` (its logical rectangle, when it is up); the pill's rectangle."""
    rect, rows = layout(canvas, captions, phone)
    x, y, w, h = rect
    canvas.panel(rect, (*PAPER, 235), radius=min(17, h / 2), border=1, border_color=INK)
    for i, row in enumerate(rows):
        canvas.text(row, (x + w / 2, y + PAD_Y + (i + 0.5) * ROW), SMALL_PX, INK, anchor="center", italic=True)
    return rect
