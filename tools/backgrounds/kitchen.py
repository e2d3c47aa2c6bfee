"""Kitchen fittings: wall cupboards, a worktop over base units, a fridge, a sink, a hob, a kettle and a
fruit bowl.

Why it exists: two families' kitchens (the Springs' and the Nelsons') and the café need the same
fittings in different colours and sizes; drawing them once here keeps every kitchen in the same hand.
"""

from __future__ import annotations

from . import palette as p
from .light import vertical
from .shapes import circle, ellipse, line, poly, rect, round_rect
from .svg import Canvas, num


def wall_cupboards(c: Canvas, x: float, y: float, w: float, h: float, colour: str, *, doors: int = 0) -> None:
    """A run of wall cupboards with small knobs, `doors` across (default: one per ~80px)."""
    n = doors or max(1, round(w / 80))
    dw = w / n
    rect(c, x - 4, y - 8, w + 8, 10, colour, wob=0.5)
    for k in range(n):
        dx = x + k * dw
        rect(c, dx + 2, y, dw - 4, h, colour, wob=0.6)
        rect(c, dx + 10, y + 10, dw - 20, h - 20, "none", width=1.5, wob=0.4, stroke_opacity=0.5)
        kx = dx + dw - 14 if k % 2 == 0 else dx + 14
        circle(c, kx, y + h - 16, 3.5, p.WHITE, width=1.5)


def counter(
    c: Canvas, x: float, top: float, w: float, base: float, units: str, worktop: str, *, drawers: bool = True
) -> None:
    """Base units from `top` down to `base` with a worktop lip along the top."""
    n = max(1, round(w / 90))
    uw = w / n
    vertical(c, x, top + 10, w, base - top - 10, units, units)
    for k in range(n):
        ux = x + k * uw
        rect(c, ux + 2, top + 12, uw - 4, base - top - 16, units, wob=0.6)
        if drawers:
            line(c, ux + 8, top + 42, ux + uw - 8, top + 42, width=1.5, stroke_opacity=0.5, wob=0.3)
            line(c, ux + uw * 0.4, top + 26, ux + uw * 0.6, top + 26, width=3.0, wob=0)
        line(c, ux + uw * 0.4, top + 60, ux + uw * 0.6, top + 60, width=3.0, wob=0)
    rect(c, x - 8, top, w + 16, 12, worktop, wob=0.6)


def fridge(c: Canvas, x: float, y: float, w: float, h: float, colour: str, *, magnets: tuple[str, ...] = ()) -> None:
    """A tall two-door fridge with handles and a few coloured magnets and notes."""
    round_rect(c, x, y, w, h, 10, colour)
    line(c, x + 4, y + h * 0.36, x + w - 4, y + h * 0.36, width=2.5, wob=0.3)
    for hy, hh in ((y + h * 0.2, h * 0.12), (y + h * 0.42, h * 0.16)):
        rect(c, x + w - 18, hy, 7, hh, p.GREY_PALE, width=2.0, wob=0.2)
    for k, col in enumerate(magnets):
        mx = x + 16 + (k % 3) * (w - 50) / 2
        my = y + h * 0.5 + (k // 3) * 46 + (k % 2) * 10
        rect(
            c, mx, my, 26, 32, p.WHITE, width=1.5, wob=0.5, transform=f"rotate({(k * 7) % 11 - 5} {num(mx)} {num(my)})"
        )
        circle(c, mx + 13, my + 2, 4.5, col, width=1.5)


def sink(c: Canvas, x: float, top: float, w: float) -> None:
    """A sink set into the worktop at `top`, with a swan-neck tap."""
    ellipse(c, x + w / 2, top + 4, w / 2, 6, p.GREY_PALE, width=2.0)
    tx = x + w / 2
    d = f"M{num(tx - 4)} {num(top)}V{num(top - 34)}Q{num(tx - 4)} {num(top - 46)} {num(tx + 10)} {num(top - 46)}"
    d += f"Q{num(tx + 22)} {num(top - 46)} {num(tx + 22)} {num(top - 32)}"
    c.el("path", d=d, fill="none", stroke=p.GREY_DARK, stroke_width=6.0, stroke_opacity=1)
    c.el("path", d=d, fill="none", stroke=p.GREY_PALE, stroke_width=2.5, stroke_opacity=1)


def kettle(c: Canvas, x: float, base: float, colour: str) -> None:
    """A round kettle on its base, with a spout and a handle."""
    ellipse(c, x, base - 3, 22, 5, p.GREY_DARK, width=2.0)
    poly(c, [(x - 20, base - 4), (x + 20, base - 4), (x + 16, base - 40), (x - 16, base - 40)], colour, wob=0.5)
    poly(c, [(x + 18, base - 24), (x + 34, base - 38), (x + 30, base - 42), (x + 16, base - 34)], colour, width=2.0)
    c.el(
        "path",
        d=f"M{num(x - 12)} {num(base - 40)}Q{num(x)} {num(base - 62)} {num(x + 12)} {num(base - 40)}",
        fill="none",
        stroke_width=4.0,
    )


def hob(c: Canvas, x: float, top: float, w: float) -> None:
    """Two pans on a hob: a saucepan and a frying pan."""
    rect(c, x, top - 4, w, 6, p.GREY_DARK, width=2.0, wob=0.3)
    rect(c, x + 8, top - 36, w * 0.38, 32, p.GREY, wob=0.4)
    line(c, x + 8 + w * 0.38, top - 30, x + w * 0.38 + 40, top - 36, width=5.0, wob=0)
    ellipse(c, x + w * 0.72, top - 9, w * 0.2, 6, p.GREY_DARK, width=2.0)
    line(c, x + w * 0.92, top - 10, x + w + 30, top - 16, width=5.0, wob=0)


def fruit_bowl(c: Canvas, x: float, base: float, colour: str) -> None:
    """A bowl with apples and a bunch of bananas."""
    for fx, fy, col in ((x - 14, base - 22, p.RED), (x + 4, base - 26, p.GREEN), (x + 18, base - 20, p.ORANGE)):
        circle(c, fx, fy, 11, col, width=2.0)
    c.el(
        "path",
        d=f"M{num(x - 22)} {num(base - 30)}Q{num(x - 6)} {num(base - 12)} {num(x + 20)} {num(base - 34)}",
        fill="none",
        stroke=p.YELLOW,
        stroke_width=7.0,
        stroke_opacity=1,
    )
    poly(c, [(x - 34, base - 18), (x + 34, base - 18), (x + 22, base), (x - 22, base)], colour, width=2.0, wob=0.4)


def hanging_utensils(c: Canvas, x: float, y: float, w: float) -> None:
    """A rail with a ladle, a spatula, a whisk and a mug hanging from it."""
    line(c, x, y, x + w, y, width=4.0, colour=p.GREY_DARK, wob=0)
    step = w / 5
    for k in range(4):
        hx = x + step * (k + 0.8)
        line(c, hx, y, hx, y + 48, width=3.0, wob=0.2)
        if k == 0:
            ellipse(c, hx, y + 54, 9, 7, p.GREY_PALE, width=2.0)
        elif k == 1:
            rect(c, hx - 7, y + 46, 14, 20, p.WOOD_LIGHT, width=2.0, wob=0.3)
        elif k == 2:
            ellipse(c, hx, y + 58, 8, 14, "none", width=2.0)
        else:
            rect(c, hx - 10, y + 46, 20, 22, p.BLUE_SOFT, width=2.0, wob=0.3)
