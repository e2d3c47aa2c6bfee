"""The parts of a room: walls with window holes, window frames and views, curtains, shelves, posters,
frames, doors, floors, rugs, boards, clocks and strings of lights.

Why it exists: most settings are interiors, and they become recognisable through a few props placed at
the edges. These builders draw the shared architecture so each scene module only arranges it.

nanosvg has no clipping, so a view through a window is drawn first and the wall is then painted over it
as one shape with rectangular holes (even-odd fill): whatever the view spills is hidden by the wall.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import palette as p
from .light import glow, vertical
from .nature import cloud, hills, leaf, tree
from .shapes import circle, ellipse, flat_rect, line, poly, rect, round_rect, smooth, writing
from .svg import Canvas, Point, num

Box = tuple[float, float, float, float]


def wall_with_holes(c: Canvas, x: float, y: float, w: float, h: float, fill: str, holes: Sequence[Box]) -> None:
    """A wall rectangle with openings cut out for windows, doors or arches."""
    d = f"M{num(x)} {num(y)}H{num(x + w)}V{num(y + h)}H{num(x)}Z"
    for hx, hy, hw, hh in holes:
        d += f"M{num(hx)} {num(hy)}H{num(hx + hw)}V{num(hy + hh)}H{num(hx)}Z"
    c.el("path", d=d, fill=fill, fill_rule="evenodd", stroke="none")


def view(c: Canvas, box: Box, mood: str = "day", *, trees: bool = True, roofs: bool = True) -> None:
    """What is seen through a window: sky for the mood, distant roofs or hills, maybe an autumn tree.

    Drawn larger than the hole on purpose; the wall painted afterwards trims it.
    """
    x, y, w, h = box
    skies = {
        "day": (p.DAY_TOP, "#cfe3f1", p.DAY_BOTTOM),
        "dusk": p.DUSK,
        "night": (p.NIGHT_TOP, p.NIGHT_BOTTOM, "#8a7fae"),
        "grey": ("#c9d3df", "#e6e4e2", "#efe6da"),
    }
    cols = skies[mood]
    n = len(cols) - 1
    flat_rect(c, x - 4, y - 4, w + 8, h + 8, c.linear(0, y, 0, y + h, [(i / n, col) for i, col in enumerate(cols)]))
    if mood == "night":
        for _ in range(int(w * h / 3000) + 2):
            circle(c, x + c.rng.uniform(5, w - 5), y + c.rng.uniform(5, h * 0.5), 1.6, p.WHITE, line=False, opacity=0.8)
    elif mood in ("day", "grey"):
        cloud(c, x + w * 0.15, y + h * 0.25, w * 0.45, opacity=0.7)
    ground = y + h * 0.72
    far = {"day": "#b7c9a6", "dusk": "#b691ad", "night": "#4a4a78", "grey": "#b9c0b2"}[mood]
    near = {"day": p.GREEN, "dusk": "#9a7aa3", "night": "#3b3a66", "grey": "#a4b09a"}[mood]
    if roofs:
        _roofline(c, x - 4, ground, w + 8, far)
    hills(c, ground + h * 0.08, h * 0.05, near, x0=x - 4, x1=x + w + 4, bottom=y + h + 4, line=False, bumps=2)
    if trees and mood != "night":
        side = x + w * (0.8 if c.rng.random() < 0.5 else 0.2)
        tree(c, side, y + h + 10, h * 0.9, spread=0.9)


def _roofline(c: Canvas, x: float, base: float, w: float, colour: str) -> None:
    pts: list[Point] = [(x, base + 30)]
    cx = x
    while cx < x + w:
        bw = c.rng.uniform(28, 55)
        top = base - c.rng.uniform(8, 30)
        if c.rng.random() < 0.5:
            pts += [(cx, top), (cx + bw / 2, top - 14), (cx + bw, top)]
        else:
            pts += [(cx, top), (cx + bw, top)]
        cx += bw
    pts.append((x + w, base + 30))
    poly(c, pts, colour, line=False, wob=0)


def window_frame(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    colour: str = p.WHITE,
    cols: int = 2,
    rows: int = 2,
    bar: float = 8,
    sill: bool = True,
    glare: bool = True,
) -> None:
    """Frame, glazing bars, a sill and a soft diagonal glare over the glass."""
    if glare:
        fill = c.linear(x, y, x + w, y + h, [(0, p.WHITE, 0.35), (0.5, p.WHITE, 0.05), (1, p.WHITE, 0.2)])
        flat_rect(c, x, y, w, h, fill)
    t = bar
    ring = (
        f"M{num(x - t)} {num(y - t)}H{num(x + w + t)}V{num(y + h + t)}H{num(x - t)}Z"
        f"M{num(x)} {num(y)}V{num(y + h)}H{num(x + w)}V{num(y)}Z"
    )
    c.el("path", d=ring, fill=colour, fill_rule="evenodd")
    for i in range(1, cols):
        bx = x + w * i / cols
        rect(c, bx - t / 2, y, t, h, colour, wob=0.6, width=2.0)
    for j in range(1, rows):
        by = y + h * j / rows
        rect(c, x, by - t / 2, w, t, colour, wob=0.6, width=2.0)
    if sill:
        rect(c, x - t * 2.2, y + h + t - 2, w + t * 4.4, t * 1.6, colour, wob=0.8)


def curtains(c: Canvas, x: float, y: float, w: float, h: float, colour: str, *, shade: str | None = None) -> None:
    """A rail with a gathered curtain at each side of an opening (x, w = the window's span)."""
    shade = shade or colour
    line(c, x - 30, y - 18, x + w + 30, y - 18, width=5.0)
    cw = max(40.0, w * 0.2)
    for left in (True, False):
        x0 = x - 34 if left else x + w + 34 - cw
        inner = x0 + cw if left else x0
        outer = x0 if left else x0 + cw
        tie = y + h * 0.62
        pts = [
            (outer, y - 20),
            (inner, y - 20),
            (inner + (-cw * 0.55 if left else cw * 0.55), tie),
            (inner + (-cw * 0.3 if left else cw * 0.3), y + h + 40),
            (outer, y + h + 40),
        ]
        poly(c, pts, colour)
        fold = x0 + cw * 0.45
        line(c, fold, y - 14, fold + (-6 if left else 6), y + h + 34, width=2.0, colour=shade, stroke_opacity=0.9)


def books(c: Canvas, x: float, base: float, w: float, *, colours: Sequence[str], tall: float = 46) -> None:
    """A row of upright books (with the odd leaning one) standing on `base`, filling width `w`."""
    bx = x
    while bx < x + w - 10:
        bw = c.rng.uniform(9, 16)
        bh = tall * c.rng.uniform(0.72, 1.0)
        col = c.rng.choice(list(colours))
        if c.rng.random() < 0.12 and bx + bw + 12 < x + w:
            poly(
                c,
                [(bx, base), (bx + bw, base), (bx + bw + bh * 0.35, base - bh * 0.95), (bx + bh * 0.35, base - bh)],
                col,
                width=2.0,
            )
            bx += bw + bh * 0.4
        else:
            rect(c, bx, base - bh, bw, bh, col, width=2.0, wob=0.6)
            line(c, bx + 2, base - bh * 0.7, bx + bw - 2, base - bh * 0.7, width=1.5, wob=0.3)
            bx += bw + 1


def shelf(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    *,
    colours: Sequence[str] = (p.BLUE, p.YELLOW_SOFT, p.RUST, p.PINK, p.OLIVE, p.LILAC),
    fill: float = 0.7,
    plank: str = p.WOOD,
    tall: float = 46,
) -> None:
    """A wall shelf with books on part of it (`fill` = the share of the plank they use)."""
    books(c, x + 8, y, w * fill, colours=colours, tall=tall)
    rect(c, x, y, w, 10, plank, wob=0.6)
    for bx in (x + 14, x + w - 22):
        poly(c, [(bx, y + 10), (bx + 8, y + 10), (bx + 8, y + 26)], plank, width=2.0, wob=0.3)


def poster(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    bg: str,
    motif: str,
    *,
    accent: str = p.WHITE,
    angle: float = 0,
) -> None:
    """A taped-up poster. Motifs: 'band' (a speaker-cone circle), 'sun', 'stripes', 'rugby' (posts),
    'wave', 'star', 'drum' (a kit silhouette); titles are squiggles, never text."""
    cx, cy = x + w / 2, y + h / 2
    with c.group(transform=f"rotate({angle:g} {num(cx)} {num(cy)})"):
        rect(c, x, y, w, h, bg, wob=0.8)
        if motif == "band":
            circle(c, cx, cy - h * 0.08, w * 0.3, accent, width=2.0)
            circle(c, cx, cy - h * 0.08, w * 0.12, bg, width=2.0)
        elif motif == "sun":
            circle(c, cx, cy - h * 0.1, w * 0.26, accent, line=False)
            for k in range(4):
                flat_rect(c, x + w * 0.12, cy + h * 0.08 + k * 7, w * 0.76, 3, accent, opacity=0.7)
        elif motif == "stripes":
            for k in range(4):
                flat_rect(c, x + 4, y + h * (0.15 + k * 0.15), w - 8, h * 0.08, accent, opacity=0.85)
        elif motif == "rugby":
            for px in (cx - w * 0.22, cx + w * 0.22):
                line(c, px, y + h * 0.15, px, y + h * 0.62, colour=accent, width=4.0)
            line(c, cx - w * 0.22, y + h * 0.42, cx + w * 0.22, y + h * 0.42, colour=accent, width=4.0)
            ellipse(
                c,
                cx,
                y + h * 0.25,
                w * 0.12,
                w * 0.07,
                accent,
                width=2.0,
                transform=f"rotate(-30 {num(cx)} {num(y + h * 0.25)})",
            )
        elif motif == "wave":
            smooth(
                c,
                [
                    (x + 6, cy),
                    (x + w * 0.25, cy - h * 0.2),
                    (x + w * 0.5, cy),
                    (x + w * 0.75, cy + h * 0.2),
                    (x + w - 6, cy),
                ],
                colour=accent,
                width=5.0,
            )
        elif motif == "star":
            star(c, cx, cy - h * 0.08, w * 0.3, accent)
        elif motif == "drum":
            ellipse(c, cx, cy, w * 0.28, w * 0.28, accent, width=2.0)
            line(c, cx - w * 0.35, cy - h * 0.3, cx - w * 0.1, cy - h * 0.05, colour=accent, width=3.0)
            line(c, cx + w * 0.35, cy - h * 0.3, cx + w * 0.1, cy - h * 0.05, colour=accent, width=3.0)
        writing(c, x + w * 0.15, y + h * 0.84, w * 0.7, 1, colour=accent, width=2.5)
        for tx, ty in ((x + 4, y - 2), (x + w - 14, y - 2)):
            flat_rect(c, tx, ty, 12, 7, p.WHITE, opacity=0.7, transform=f"rotate(-12 {num(tx)} {num(ty)})")


def star(c: Canvas, cx: float, cy: float, r: float, fill: str, *, line: bool = True) -> None:
    """A five-pointed star."""
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.45
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    poly(c, pts, fill, line=line, width=2.0, wob=0.5)


def heart(c: Canvas, cx: float, cy: float, s: float, fill: str, *, line: bool = True, **extra: object) -> None:
    """A small heart (a sticker, a doodle, prom decor)."""
    d = (
        f"M{num(cx)} {num(cy + s * 0.9)}C{num(cx - s * 1.4)} {num(cy)} {num(cx - s * 0.7)} {num(cy - s * 1.1)} "
        f"{num(cx)} {num(cy - s * 0.35)}C{num(cx + s * 0.7)} {num(cy - s * 1.1)} {num(cx + s * 1.4)} {num(cy)} "
        f"{num(cx)} {num(cy + s * 0.9)}Z"
    )
    c.el("path", d=d, fill=fill, stroke_width=2.0 if line else None, stroke=None if line else "none", **extra)


def picture(c: Canvas, x: float, y: float, w: float, h: float, *, frame: str = p.WOOD, scene: str = "hills") -> None:
    """A framed picture on a wall: 'hills' landscape, 'sea', 'portrait' (an abstract blob), 'abstract'."""
    rect(c, x, y, w, h, frame, wob=0.6)
    ix, iy, iw, ih = x + 7, y + 7, w - 14, h - 14
    if scene == "hills":
        vertical(c, ix, iy, iw, ih, p.BLUE_SOFT, p.CREAM)
        poly(
            c,
            [
                (ix, iy + ih * 0.7),
                (ix + iw * 0.35, iy + ih * 0.45),
                (ix + iw * 0.7, iy + ih * 0.65),
                (ix + iw, iy + ih * 0.5),
                (ix + iw, iy + ih),
                (ix, iy + ih),
            ],
            p.GREEN,
            width=2.0,
            wob=0.5,
        )
    elif scene == "sea":
        vertical(c, ix, iy, iw, ih, p.PINK_PALE, p.BLUE_SOFT)
        circle(c, ix + iw * 0.65, iy + ih * 0.42, ih * 0.14, p.YELLOW_SOFT, line=False)
        flat_rect(c, ix, iy + ih * 0.6, iw, ih * 0.4, p.BLUE, opacity=0.8)
    elif scene == "portrait":
        vertical(c, ix, iy, iw, ih, p.YELLOW_PALE, p.PEACH)
        circle(c, ix + iw / 2, iy + ih * 0.42, iw * 0.2, p.WOOD_LIGHT, width=2.0)
        poly(
            c,
            [
                (ix + iw * 0.2, iy + ih),
                (ix + iw * 0.3, iy + ih * 0.7),
                (ix + iw * 0.7, iy + ih * 0.7),
                (ix + iw * 0.8, iy + ih),
            ],
            p.BLUE,
            width=2.0,
            wob=0.5,
        )
    else:
        flat_rect(c, ix, iy, iw, ih, p.CREAM)
        circle(c, ix + iw * 0.35, iy + ih * 0.4, min(iw, ih) * 0.25, p.ORANGE, line=False)
        flat_rect(c, ix + iw * 0.45, iy + ih * 0.35, iw * 0.4, ih * 0.45, p.BLUE, opacity=0.8)
    rect(c, ix, iy, iw, ih, "none", width=2.0, wob=0.4)


def door(
    c: Canvas, x: float, y: float, w: float, h: float, colour: str, *, frame: str = p.WHITE, glass: bool = False
) -> None:
    """A panelled door in a frame with a round handle; optional glass panel at the top."""
    rect(c, x - 8, y - 8, w + 16, h + 8, frame, wob=0.6)
    rect(c, x, y, w, h, colour, wob=0.8)
    if glass:
        rect(c, x + w * 0.2, y + h * 0.1, w * 0.6, h * 0.3, p.BLUE_PALE, width=2.0, wob=0.5)
    else:
        rect(c, x + w * 0.16, y + h * 0.08, w * 0.68, h * 0.34, colour, width=2.0, wob=0.5)
    rect(c, x + w * 0.16, y + h * 0.5, w * 0.68, h * 0.4, colour, width=2.0, wob=0.5)
    circle(c, x + w * 0.82, y + h * 0.5, 5, p.YELLOW_SOFT, width=2.0)


def skirting(c: Canvas, x: float, y: float, w: float, colour: str = p.WHITE, h: float = 14) -> None:
    """The board along the bottom of a wall."""
    rect(c, x, y - h, w, h, colour, wob=0.6, width=2.5)


def floorboards(
    c: Canvas,
    y: float,
    *,
    top: str = p.WOOD_LIGHT,
    bottom: str = p.WOOD,
    x: float = 0,
    w: float = 1280,
    rows: int = 6,
) -> None:
    """A wooden floor from `y` to the bottom edge: a ramp with plank seams that widen towards the viewer."""
    vertical(c, x, y, w, 720 - y, top, bottom)
    gy = y
    step = (720 - y) / (rows * 1.6)
    for i in range(rows):
        gy += step * (0.6 + i * 0.3)
        if gy >= 718:
            break
        line(c, x, gy, x + w, gy, width=1.5, stroke_opacity=0.35, wob=0.8)
        seams = int(w / 180) + 1
        for k in range(seams):
            sx = x + (k + c.rng.uniform(0.1, 0.9)) * w / seams
            line(c, sx, gy, sx, min(720, gy + step * (0.6 + (i + 1) * 0.3)), width=1.5, stroke_opacity=0.3, wob=0.3)


def tiles(
    c: Canvas, x: float, y: float, w: float, h: float, size: float, fill: str, *, grout: str = p.GREY, **extra: object
) -> None:
    """A tiled area (kitchen splashbacks, changing-room walls): a fill and a light grid."""
    flat_rect(c, x, y, w, h, fill, **extra)
    d = ""
    gx = x + size
    while gx < x + w:
        d += f"M{num(gx)} {num(y)}V{num(y + h)}"
        gx += size
    gy = y + size
    while gy < y + h:
        d += f"M{num(x)} {num(gy)}H{num(x + w)}"
        gy += size
    c.el("path", d=d, fill="none", stroke=grout, stroke_width=1.5, stroke_opacity=0.7)


def rug(c: Canvas, cx: float, cy: float, rx: float, ry: float, colour: str, stripe: str) -> None:
    """An oval rug seen in perspective, with one inner ring."""
    ellipse(c, cx, cy, rx, ry, colour)
    ellipse(c, cx, cy, rx * 0.78, ry * 0.72, "none", width=3.0, stroke=stripe, stroke_opacity=0.9)


def sag(x1: float, y1: float, x2: float, y2: float, depth: float, n: int = 12) -> list[Point]:
    """Points along a hanging string between two pins (a parabola `depth` deep at the middle)."""
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t + depth * 4 * t * (1 - t)))
    return pts


def fairy_lights(
    c: Canvas,
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    depth: float,
    *,
    colours: Sequence[str] = (p.GLOW,),
    bulbs: int = 12,
    halo: float = 22,
    halo_strength: float = 0.55,
) -> None:
    """A sagging wire of little bulbs, each with a soft halo."""
    pts = sag(x1, y1, x2, y2, depth, bulbs + 1)
    smooth(c, pts, width=1.5, stroke_opacity=0.6)
    for i, (bx, by) in enumerate(pts[1:-1]):
        col = colours[i % len(colours)]
        if halo:
            glow(c, bx, by + 4, halo, col, halo_strength)
        circle(c, bx, by + 4, 4, col, width=1.5)


def bunting(c: Canvas, x1: float, y1: float, x2: float, y2: float, depth: float, colours: Sequence[str]) -> None:
    """A string of triangular flags."""
    n = max(4, int(abs(x2 - x1) / 45))
    pts = sag(x1, y1, x2, y2, depth, n)
    smooth(c, pts, width=1.5)
    for i in range(n):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        mx, my = (ax + bx) / 2, (ay + by) / 2
        poly(c, [(ax + 3, ay), (bx - 3, by), (mx, my + 30)], colours[i % len(colours)], width=2.0, wob=0.4)


def clock(c: Canvas, x: float, y: float, r: float, face: str = p.WHITE, rim: str = p.GREY_DARK) -> None:
    """A round wall clock with ticks and hands (a school clock, a kitchen clock)."""
    circle(c, x, y, r, rim)
    circle(c, x, y, r * 0.82, face, width=2.0)
    for k in range(12):
        a = k * math.pi / 6
        line(
            c,
            x + math.cos(a) * r * 0.66,
            y + math.sin(a) * r * 0.66,
            x + math.cos(a) * r * 0.75,
            y + math.sin(a) * r * 0.75,
            width=2.0,
            wob=0,
        )
    line(c, x, y, x + r * 0.35, y - r * 0.3, width=3.0, wob=0)
    line(c, x, y, x - r * 0.05, y - r * 0.6, width=2.0, wob=0)


def board(c: Canvas, x: float, y: float, w: float, h: float, kind: str = "white") -> None:
    """A whiteboard with squiggle notes, or a cork noticeboard with pinned papers ('cork')."""
    if kind == "white":
        rect(c, x, y, w, h, p.GREY, wob=0.6)
        vertical(c, x + 8, y + 8, w - 16, h - 16, p.WHITE, "#eef0f2")
        writing(c, x + 26, y + 30, w * 0.5, int((h - 50) / 22), gap=22, colour=p.BLUE_DEEP, width=2.5)
        writing(c, x + w * 0.62, y + 40, w * 0.28, 2, gap=22, colour=p.RED, width=2.5)
        rect(c, x + w * 0.3, y + h - 4, w * 0.4, 8, p.GREY_DARK, width=2.0, wob=0.4)
    else:
        rect(c, x, y, w, h, p.WOOD, wob=0.6)
        flat_rect(c, x + 8, y + 8, w - 16, h - 16, "#d6ac7c")
        cols = (p.WHITE, p.YELLOW_PALE, p.BLUE_PALE, p.PINK_PALE, p.GREEN_PALE)
        n = max(3, int(w * h / 9000))
        for k in range(n):
            pw, ph = c.rng.uniform(40, 70), c.rng.uniform(45, 70)
            px = x + 14 + (w - 28 - pw) * (k + 0.5) / n + c.jitter(8)
            py = y + 14 + c.rng.uniform(0, max(1, h - 28 - ph))
            ang = c.jitter(6)
            with c.group(transform=f"rotate({ang:.0f} {num(px + pw / 2)} {num(py + ph / 2)})"):
                rect(c, px, py, pw, ph, cols[k % len(cols)], width=2.0, wob=0.4)
                writing(c, px + 8, py + 14, pw - 16, int(ph / 16), gap=11, width=1.5, opacity=0.6)
            circle(c, px + pw / 2, py + 4, 3.5, p.RED, width=1.0)


def pendant(c: Canvas, x: float, y_top: float, drop: float, shade: str, *, lit: bool = True, r: float = 36) -> None:
    """A hanging lamp: cord, dome shade and (if lit) a glowing bulb with a broad halo."""
    line(c, x, y_top, x, y_top + drop, width=2.0, wob=0)
    by = y_top + drop
    if lit:
        glow(c, x, by + r * 0.4, r * 5, p.GLOW, 0.35)
    d = (
        f"M{num(x - r)} {num(by + r * 0.55)}Q{num(x - r * 0.8)} {num(by - r * 0.2)} {num(x)} {num(by - r * 0.1)}"
        f"Q{num(x + r * 0.8)} {num(by - r * 0.2)} {num(x + r)} {num(by + r * 0.55)}Z"
    )
    c.el("path", d=d, fill=shade)
    if lit:
        ellipse(c, x, by + r * 0.55, r * 0.45, r * 0.16, p.GLOW, width=2.0)


def radiator(c: Canvas, x: float, y: float, w: float, h: float, colour: str = p.WHITE) -> None:
    """A panel radiator under a window."""
    round_rect(c, x, y, w, h, 6, colour, width=2.5)
    for k in range(1, int(w / 16)):
        line(c, x + k * 16, y + 6, x + k * 16, y + h - 6, width=1.5, wob=0.2, stroke_opacity=0.5)


def plant(c: Canvas, x: float, base: float, size: float, pot: str = p.RUST) -> None:
    """A potted leafy plant standing on `base` (sills, shelves, corners)."""
    for k in range(7):
        a = -150 + k * 20 + c.jitter(6)
        rad = math.radians(a)
        lx = x + math.cos(rad) * size * 0.55
        ly = base - size * 0.45 + math.sin(rad) * size * 0.55
        line(c, x, base - size * 0.35, lx, ly, width=2.0, colour=p.GREEN_DEEP, wob=0.5)
        leaf(c, lx, ly, size * 0.22, a, p.GREEN if k % 2 else p.GREEN_DEEP)
    poly(
        c,
        [
            (x - size * 0.32, base - size * 0.4),
            (x + size * 0.32, base - size * 0.4),
            (x + size * 0.24, base),
            (x - size * 0.24, base),
        ],
        pot,
        wob=0.6,
    )


def tile_floor(
    c: Canvas, y: float, fill_top: str, fill_bottom: str, *, grout: str = p.GREY, rows: int = 7, vanish: float = 420
) -> None:
    """A tiled floor in perspective from `y` to the bottom edge: rows widen towards the viewer and the
    joints run to a vanishing point `vanish` pixels above the floor line at the centre."""
    vertical(c, 0, y, 1280, 720 - y, fill_top, fill_bottom)
    vx, vy = 640.0, y - vanish
    d = ""
    gy, step = y, (720 - y) / (rows * 2.2)
    for i in range(rows):
        gy += step * (1 + i * 0.35)
        if gy >= 720:
            break
        d += f"M0 {num(gy)}H1280"
    for k in range(-12, 13):
        x_floor = 640 + k * 110
        t = (720 - vy) / (y - vy)
        d += f"M{num(x_floor)} {num(y)}L{num(vx + (x_floor - vx) * t)} 720"
    c.el("path", d=d, fill="none", stroke=grout, stroke_width=1.5, stroke_opacity=0.8)
