"""Hand-drawn primitives: polygons, rectangles and lines with a slight wobble.

Why it exists: the comic look comes from lines that are almost straight. Every outlined shape goes
through here, where each edge becomes a quadratic curve bowed by a tiny seeded amount and each corner
is nudged, so the art reads as drawn rather than plotted while staying reproducible.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from .svg import Canvas, Point, num


def wobble_d(c: Canvas, pts: Sequence[Point], *, closed: bool = True, wob: float = 1.2) -> str:
    """Path data through `pts` with nudged corners and gently bowed edges."""
    moved = [(x + c.jitter(wob * 0.6), y + c.jitter(wob * 0.6)) for x, y in pts] if wob else list(pts)
    out = [f"M{num(moved[0][0])} {num(moved[0][1])}"]
    ring = [*moved, moved[0]] if closed else moved
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        length = math.hypot(bx - ax, by - ay) or 1.0
        bow = c.jitter(wob) * min(2.5, 0.5 + length / 300)
        mx = (ax + bx) / 2 - (by - ay) / length * bow
        my = (ay + by) / 2 + (bx - ax) / length * bow
        out.append(f"Q{num(mx)} {num(my)} {num(bx)} {num(by)}")
    if closed:
        out.append("Z")
    return "".join(out)


def _line_attrs(line: bool, width: float | None, colour: str | None) -> dict[str, object]:
    if not line:
        return {"stroke": "none"}
    return {"stroke_width": width, "stroke": colour}


def poly(
    c: Canvas,
    pts: Sequence[Point],
    fill: str,
    *,
    line: bool = True,
    wob: float = 1.2,
    width: float | None = None,
    colour: str | None = None,
    **extra: object,
) -> None:
    """A closed, filled, optionally outlined polygon."""
    c.el("path", d=wobble_d(c, pts, wob=wob), fill=fill, **{**_line_attrs(line, width, colour), **extra})


def rect(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    fill: str,
    *,
    line: bool = True,
    wob: float = 1.2,
    width: float | None = None,
    **extra: object,
) -> None:
    """A wobbly rectangle."""
    poly(c, [(x, y), (x + w, y), (x + w, y + h), (x, y + h)], fill, line=line, wob=wob, width=width, **extra)


def flat_rect(c: Canvas, x: float, y: float, w: float, h: float, fill: str, **extra: object) -> None:
    """An exact, unlined rectangle: fills, light overlays, backgrounds."""
    c.el("rect", x=float(x), y=float(y), width=float(w), height=float(h), fill=fill, stroke="none", **extra)


def round_rect(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    r: float,
    fill: str,
    *,
    line: bool = True,
    width: float | None = None,
    **extra: object,
) -> None:
    """A rectangle with rounded corners (cushions, screens, pots)."""
    c.el(
        "rect",
        x=float(x),
        y=float(y),
        width=float(w),
        height=float(h),
        rx=float(r),
        fill=fill,
        **{**_line_attrs(line, width, None), **extra},
    )


def line(
    c: Canvas,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    *,
    width: float | None = None,
    colour: str | None = None,
    wob: float = 1.0,
    **extra: object,
) -> None:
    """A single slightly bowed stroke."""
    d = wobble_d(c, [(x1, y1), (x2, y2)], closed=False, wob=wob)
    c.el("path", d=d, fill="none", stroke_width=width, stroke=colour, **extra)


def smooth(
    c: Canvas,
    pts: Sequence[Point],
    *,
    width: float | None = None,
    colour: str | None = None,
    fill: str = "none",
    closed: bool = False,
    **extra: object,
) -> None:
    """A smooth curve through points (midpoint quadratic spline): cables, garlands, hills."""
    c.el("path", d=smooth_d(pts, closed=closed), fill=fill, stroke_width=width, stroke=colour, **extra)


def smooth_d(pts: Sequence[Point], *, closed: bool = False) -> str:
    """Path data for a smooth curve that passes near the given points."""
    if len(pts) < 3:
        return "M" + " L".join(f"{num(x)} {num(y)}" for x, y in pts)
    out = [f"M{num(pts[0][0])} {num(pts[0][1])}"]
    for i in range(1, len(pts) - 1):
        (x, y), (nx, ny) = pts[i], pts[i + 1]
        end = (nx, ny) if i == len(pts) - 2 else ((x + nx) / 2, (y + ny) / 2)
        out.append(f"Q{num(x)} {num(y)} {num(end[0])} {num(end[1])}")
    if closed:
        out.append("Z")
    return "".join(out)


def ellipse(
    c: Canvas,
    cx: float,
    cy: float,
    rx: float,
    ry: float,
    fill: str,
    *,
    line: bool = True,
    width: float | None = None,
    **extra: object,
) -> None:
    """An ellipse (plates, lamp shades, drum heads)."""
    c.el(
        "ellipse",
        cx=float(cx),
        cy=float(cy),
        rx=float(rx),
        ry=float(ry),
        fill=fill,
        **{**_line_attrs(line, width, None), **extra},
    )


def circle(
    c: Canvas,
    cx: float,
    cy: float,
    r: float,
    fill: str,
    *,
    line: bool = True,
    width: float | None = None,
    **extra: object,
) -> None:
    """A circle."""
    c.el("circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill, **{**_line_attrs(line, width, None), **extra})


def blob(
    c: Canvas,
    circles: Sequence[tuple[float, float, float]],
    fill: str,
    *,
    line: bool = True,
    width: float = 3.0,
) -> None:
    """A lumpy shape made of overlapping circles with one outline around the whole.

    The outline is drawn by stroking every circle first, then painting the fills over it, so only the
    outer edge of the union shows: canopies, bushes, clouds, smoke.
    """
    if line:
        for cx, cy, r in circles:
            c.el("circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill, stroke_width=width * 2)
    for cx, cy, r in circles:
        c.el("circle", cx=float(cx), cy=float(cy), r=float(r), fill=fill, stroke="none")


def squiggle(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    *,
    height: float = 3.0,
    width: float = 2.0,
    colour: str | None = None,
    opacity: float | None = None,
) -> None:
    """Fake handwriting: a wavy line standing in for words (the art has no real text)."""
    pts: list[Point] = []
    step = 7.0
    n = max(2, int(w / step))
    for i in range(n + 1):
        pts.append((x + i * w / n, y + (height if i % 2 else -height) + c.jitter(height * 0.4)))
    c.el(
        "path",
        d=smooth_d(pts),
        fill="none",
        stroke_width=width,
        stroke=colour,
        stroke_opacity=opacity,
    )


def writing(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    rows: int,
    *,
    gap: float = 12.0,
    colour: str | None = None,
    width: float = 2.0,
    opacity: float | None = None,
) -> None:
    """Several squiggle lines of varying length: a page, a board, a notice."""
    for i in range(rows):
        length = w * c.rng.uniform(0.55, 1.0)
        squiggle(c, x, y + i * gap, length, colour=colour, width=width, opacity=opacity)
