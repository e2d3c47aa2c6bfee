"""Outdoor things: autumn trees, leaves, grass, bushes, clouds, hills, stars and the moon.

Why it exists: leaves are the game's signature motif and autumn is its season, so trees and scattered
leaves recur in most outdoor scenes and in the view through many windows; drawing them one way keeps
them recognisably the same leaves everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import palette as p
from .light import glow
from .shapes import blob, circle, poly, smooth_d
from .svg import Canvas, num
from .variants import canopy, ground_leaf, shows_stars


def leaf(c: Canvas, x: float, y: float, size: float, angle: float, colour: str, *, line: bool = True) -> None:
    """One pointed leaf with a midrib, rotated by `angle` degrees around its middle (in spring a petal's colour,
    in summer a green one)."""
    colour = ground_leaf(c, colour)
    s = size
    d = (
        f"M{num(x - s)} {num(y)}Q{num(x - s * 0.2)} {num(y - s * 0.75)} {num(x + s)} {num(y)}"
        f"Q{num(x - s * 0.2)} {num(y + s * 0.75)} {num(x - s)} {num(y)}Z"
    )
    rot = f"rotate({angle:.0f} {num(x)} {num(y)})"
    extra: dict[str, object] = {"stroke_width": 2.0} if line else {"stroke": "none"}
    with c.group(transform=rot):
        c.el("path", d=d, fill=colour, **extra)
        if line and size >= 7:
            c.el("path", d=f"M{num(x - s * 0.9)} {num(y)}L{num(x + s * 0.7)} {num(y)}", fill="none", stroke_width=1.5)


def scatter_leaves(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    count: int,
    *,
    colours: Sequence[str] = p.AUTUMN,
    size: tuple[float, float] = (7, 12),
    line: bool = True,
) -> None:
    """Leaves strewn over a region (a path, a lawn, the air)."""
    for _ in range(count):
        leaf(
            c,
            x + c.rng.uniform(0, w),
            y + c.rng.uniform(0, h),
            c.rng.uniform(*size),
            c.rng.uniform(0, 360),
            c.rng.choice(list(colours)),
            line=line,
        )


def tree(
    c: Canvas,
    x: float,
    ground: float,
    height: float,
    *,
    colours: Sequence[str] = (p.ORANGE, p.YELLOW_SOFT, p.RUST),
    trunk: str = p.BROWN,
    spread: float = 1.0,
    lumps: int = 9,
) -> None:
    """An autumn tree: a forked trunk under a lumpy canopy in two or three warm tones (green, or in blossom, in a
    summer or spring variant)."""
    colours = canopy(c, colours)
    top = ground - height
    tw = height * 0.06
    trunk_pts = [
        (x - tw, ground),
        (x - tw * 0.6, top + height * 0.45),
        (x - tw * 2.2, top + height * 0.22),
        (x - tw * 1.4, top + height * 0.2),
        (x, top + height * 0.36),
        (x + tw * 1.5, top + height * 0.18),
        (x + tw * 2.3, top + height * 0.22),
        (x + tw * 0.7, top + height * 0.45),
        (x + tw, ground),
    ]
    poly(c, trunk_pts, trunk, wob=1.0)
    radius = height * 0.42 * spread
    cy = top + height * 0.3
    circles = []
    for i in range(lumps):
        a = 2 * math.pi * i / lumps + c.jitter(0.3)
        r = radius * c.rng.uniform(0.38, 0.5)
        circles.append((x + math.cos(a) * radius * 0.62, cy + math.sin(a) * radius * 0.45, r))
    circles.append((x, cy, radius * 0.6))
    blob(c, circles, colours[0])
    # Lighter and darker dabs inside the canopy give it volume without more outlines.
    for i, col in enumerate(colours[1:]):
        for _ in range(6):
            a = c.rng.uniform(0, 2 * math.pi)
            dist = radius * c.rng.uniform(0.1, 0.55)
            yshift = -radius * 0.15 if i == 0 else radius * 0.15
            circle(
                c,
                x + math.cos(a) * dist,
                cy + yshift + math.sin(a) * dist * 0.6,
                radius * c.rng.uniform(0.11, 0.19),
                col,
                line=False,
                opacity=0.75,
            )


def pine(c: Canvas, x: float, ground: float, height: float, colour: str = p.GREEN_DEEP) -> None:
    """A simple layered conifer, for the woods at night."""
    w = height * 0.32
    poly(c, [(x - 5, ground), (x - 5, ground - height * 0.2), (x + 5, ground - height * 0.2), (x + 5, ground)], p.BROWN)
    for i in range(3):
        base = ground - height * (0.15 + i * 0.25)
        half = w * (1 - i * 0.25)
        poly(c, [(x - half, base), (x, base - height * 0.42), (x + half, base)], colour)


def bush(c: Canvas, x: float, y: float, w: float, colour: str = p.GREEN, *, dots: str | None = None) -> None:
    """A low rounded shrub sitting on y, optionally dotted with flowers or berries."""
    n = max(3, int(w / 40))
    circles = [(x + w * (i + 0.5) / n, y - w * 0.12 - c.rng.uniform(0, w * 0.08), w / n * 0.75) for i in range(n)]
    blob(c, circles, colour)
    if dots:
        for _ in range(n * 3):
            circle(c, x + c.rng.uniform(w * 0.1, w * 0.9), y - c.rng.uniform(w * 0.05, w * 0.25), 3.5, dots, line=False)


def cloud(c: Canvas, x: float, y: float, w: float, colour: str = p.WHITE, *, opacity: float = 0.85) -> None:
    """A soft puffy cloud with no outline (skies stay calm).

    The puffs and the flat base are sub-paths of one path wound the same way, so the non-zero fill
    paints their union once and a translucent cloud shows no darker overlaps (nanosvg has no group
    opacity to do that for us).
    """
    h = w * 0.28
    parts = [(x + w * 0.25, y, h * 0.7), (x + w * 0.5, y - h * 0.35, h), (x + w * 0.75, y, h * 0.75)]
    d = ""
    for cx, cy, r in parts:
        d += f"M{num(cx - r)} {num(cy)}A{num(r)} {num(r)} 0 1 1 {num(cx + r)} {num(cy)}"
        d += f"A{num(r)} {num(r)} 0 1 1 {num(cx - r)} {num(cy)}Z"
    x0, x1, y0, y1 = x + w * 0.2, x + w * 0.82, y, y + h * 0.7
    rr = h * 0.35
    d += (
        f"M{num(x0 + rr)} {num(y0)}H{num(x1 - rr)}A{num(rr)} {num(rr)} 0 0 1 {num(x1)} {num(y0 + rr)}"
        f"A{num(rr)} {num(rr)} 0 0 1 {num(x1 - rr)} {num(y1)}H{num(x0 + rr)}"
        f"A{num(rr)} {num(rr)} 0 0 1 {num(x0)} {num(y0 + rr)}A{num(rr)} {num(rr)} 0 0 1 {num(x0 + rr)} {num(y0)}Z"
    )
    c.el("path", d=d, fill=colour, stroke="none", opacity=opacity)


def hills(
    c: Canvas,
    y: float,
    amplitude: float,
    colour: str,
    *,
    x0: float = 0,
    x1: float = 1280,
    bottom: float = 720,
    line: bool = True,
    bumps: int = 5,
) -> None:
    """A rolling band of land from `y` down to `bottom`."""
    pts = []
    for i in range(bumps * 2 + 1):
        px = x0 + (x1 - x0) * i / (bumps * 2)
        py = y - (amplitude if i % 2 else 0) * c.rng.uniform(0.5, 1.0)
        pts.append((px, py))
    d = smooth_d(pts) + f"L{num(x1)} {num(bottom)}L{num(x0)} {num(bottom)}Z"
    c.el("path", d=d, fill=colour, **({} if line else {"stroke": "none"}))


def grass_tufts(c: Canvas, x: float, y: float, w: float, h: float, count: int, colour: str = p.GREEN_DEEP) -> None:
    """Little V strokes of grass scattered over a lawn."""
    for _ in range(count):
        gx, gy = x + c.rng.uniform(0, w), y + c.rng.uniform(0, h)
        s = c.rng.uniform(4, 8)
        d = f"M{num(gx - s)} {num(gy - s)}L{num(gx)} {num(gy)}L{num(gx + s * 0.3)} {num(gy - s * 1.3)}"
        c.el("path", d=d, fill="none", stroke=colour, stroke_width=2.0, stroke_opacity=0.7)


def stars(c: Canvas, x: float, y: float, w: float, h: float, count: int, colour: str = p.WHITE) -> None:
    """Small twinkles: most are dots, a few are four-pointed sparkles (none by day, though the random draws are
    made all the same, so the rest of the picture stays where it was)."""
    for i in range(count):
        sx, sy = x + c.rng.uniform(0, w), y + c.rng.uniform(0, h)
        if not shows_stars(c):
            c.rng.uniform(0, 1)
            continue
        if i % 6 == 0:
            r = c.rng.uniform(5, 8)
            d = (
                f"M{num(sx)} {num(sy - r)}Q{num(sx)} {num(sy)} {num(sx + r)} {num(sy)}"
                f"Q{num(sx)} {num(sy)} {num(sx)} {num(sy + r)}Q{num(sx)} {num(sy)} {num(sx - r)} {num(sy)}"
                f"Q{num(sx)} {num(sy)} {num(sx)} {num(sy - r)}Z"
            )
            c.el("path", d=d, fill=colour, stroke="none", opacity=0.9)
        else:
            circle(c, sx, sy, c.rng.uniform(1.2, 2.4), colour, line=False, opacity=c.rng.uniform(0.5, 0.95))


def moon(c: Canvas, x: float, y: float, r: float) -> None:
    """A crescent moon with a soft halo (not in a daytime variant)."""
    if not shows_stars(c):
        return
    glow(c, x, y, r * 3.2, p.YELLOW_PALE, 0.35)
    d = (
        f"M{num(x + r * 0.3)} {num(y - r)}A{num(r)} {num(r)} 0 1 0 {num(x + r * 0.3)} {num(y + r)}"
        f"A{num(r * 1.25)} {num(r * 1.25)} 0 0 1 {num(x + r * 0.3)} {num(y - r)}Z"
    )
    c.el("path", d=d, fill=p.YELLOW_PALE, stroke_width=2.0)
