"""Furniture and the props that say whose place this is: beds, desks, chairs, lamps, tables, benches,
lockers, a drum kit, a rugby ball, a dog bed, easels and paint pots.

Why it exists: a setting is recognised by its props (Charlie's drums, Nick's rugby ball and Nellie's
bed, the art room's easels). Each prop is drawn once here, sized by its arguments, and reused wherever
it belongs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from . import palette as p
from .light import glow
from .shapes import circle, ellipse, line, poly, rect, round_rect, smooth, writing
from .svg import Canvas, num


def bed(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    *,
    duvet: str,
    pattern: str,
    head_right: bool = False,
    frame: str = p.WOOD,
) -> None:
    """A bed seen from the side against a wall: headboard, mattress, rumpled duvet and a pillow."""
    h = w * 0.22
    hx = x + w - 18 if head_right else x
    rect(c, hx, y - h * 1.2, 18, h * 2.2, frame)
    rect(c, x + 10, y + h * 0.55, w - 20, h * 0.45, frame)
    for lx in (x + 14, x + w - 26):
        rect(c, lx, y + h, 12, h * 0.35, frame, wob=0.4)
    rect(c, x + 14, y + h * 0.15, w - 28, h * 0.45, p.WHITE, wob=0.8)
    px = x + w - 28 - w * 0.26 if head_right else x + 26
    round_rect(c, px, y - h * 0.32, w * 0.26, h * 0.5, h * 0.2, p.WHITE)
    dx0, dx1 = (x + 10, x + w * 0.7) if head_right else (x + w * 0.3, x + w - 10)
    span = dx1 - dx0
    ripples = [
        (dx0 + span * t, y - h * (0.06 + 0.16 * ((k % 2) * 0.8 + 0.2)))
        for k, t in enumerate((0.12, 0.32, 0.52, 0.72, 0.9))
    ]
    pts = [
        (dx0 - 4, y + h * 0.95),
        (dx0 - 10, y + h * 0.1),
        *ripples,
        (dx1 + 6, y),
        (dx1 + 10, y + h * 0.9),
        (dx0 + span * 0.5, y + h * 1.02),
    ]
    poly(c, pts, duvet, wob=2.0)
    for k in range(4):
        sx = dx0 + span * (0.14 + k * 0.2)
        line(c, sx, y + h * 0.02, sx + 6, y + h * 0.85, colour=pattern, width=7.0, stroke_opacity=0.8, wob=1.5)
    fold_x = dx1 - span * 0.14 if head_right else dx0 + span * 0.02
    fold = [
        (fold_x, y - h * 0.12),
        (fold_x + span * 0.12, y - h * 0.14),
        (fold_x + span * 0.13, y + h * 0.92),
        (fold_x + 2, y + h * 0.94),
    ]
    poly(c, fold, pattern, wob=1.2, width=2.5)


def desk(c: Canvas, x: float, y: float, w: float, h: float, colour: str = p.WOOD, *, drawers: bool = True) -> None:
    """A desk: top, legs and an optional drawer block at the right."""
    rect(c, x, y, w, 14, colour)
    rect(c, x + 8, y + 14, 12, h - 14, colour, wob=0.5)
    if drawers:
        rect(c, x + w - w * 0.35, y + 14, w * 0.35 - 6, h - 14, colour, wob=0.6)
        for k in range(3):
            dy = y + 14 + (h - 14) * (k + 0.5) / 3
            line(c, x + w * 0.72, dy, x + w * 0.8, dy, width=3.0, wob=0.2)
    else:
        rect(c, x + w - 20, y + 14, 12, h - 14, colour, wob=0.5)


def desk_lamp(c: Canvas, x: float, base: float, colour: str, *, lit: bool = True, facing: int = 1) -> None:
    """An angle-poise lamp on a desk, its head towards `facing` (+1 right, -1 left)."""
    ellipse(c, x, base - 4, 22, 7, colour)
    ex, ey = x - 18 * facing, base - 70
    hx, hy = x + 30 * facing, base - 100
    line(c, x, base - 8, ex, ey, width=5.0)
    line(c, ex, ey, hx, hy, width=5.0)
    if lit:
        glow(c, hx + 16 * facing, hy + 40, 120, p.GLOW, 0.45)
    shade = [
        (hx - 8 * facing, hy - 14),
        (hx + 34 * facing, hy + 8),
        (hx + 14 * facing, hy + 26),
        (hx - 10 * facing, hy + 6),
    ]
    poly(c, shade, colour, wob=0.5)


def chair(c: Canvas, x: float, base: float, s: float, colour: str, *, facing: int = 1) -> None:
    """A simple side-on chair standing on `base`; its back is on the `-facing` side."""
    back = x - s * 0.4 * facing
    front = x + s * 0.4 * facing
    rect(c, min(back, front), base - s * 0.55, s * 0.8, s * 0.1, colour, wob=0.5)
    line(c, back, base, back, base - s * 1.25, width=6.0)
    line(c, front, base, front, base - s * 0.5, width=6.0)
    rect(c, back - 5, base - s * 1.25, 10, s * 0.45, colour, wob=0.4)


def table(c: Canvas, x: float, y: float, w: float, h: float, top: str, *, cloth: str | None = None) -> None:
    """A table seen from the front; with `cloth`, a tablecloth hangs over its edge."""
    rect(c, x, y, w, 12, top)
    for lx in (x + 16, x + w - 30):
        rect(c, lx, y + 12, 14, h - 12, top, wob=0.5)
    if cloth:
        pts = [(x - 6, y - 2), (x + w + 6, y - 2), (x + w + 10, y + h * 0.4)]
        for k in range(8, -1, -1):
            pts.append((x + w * k / 8, y + h * 0.4 + (8 if k % 2 else 0)))
        pts.append((x - 10, y + h * 0.4))
        poly(c, pts, cloth, wob=1.0)


def bench(c: Canvas, x: float, base: float, w: float, colour: str = p.WOOD, *, back: bool = True) -> None:
    """A wooden bench with slats; with `back`, a park bench."""
    seat = base - 52
    for lx in (x + 20, x + w - 32):
        rect(c, lx, seat, 12, 52, p.GREY_DARK, wob=0.4)
    if back:
        for k in range(2):
            rect(c, x, seat - 62 + k * 24, w, 14, colour, wob=0.7)
        for lx in (x + 22, x + w - 30):
            rect(c, lx, seat - 66, 8, 66, p.GREY_DARK, wob=0.3)
    rect(c, x - 6, seat - 4, w + 12, 14, colour, wob=0.7)


def lockers(
    c: Canvas, x: float, y: float, count: int, w: float, h: float, colours: Sequence[str], *, vents: bool = True
) -> None:
    """A row of tall metal lockers with vents and handles."""
    for k in range(count):
        lx = x + k * w
        col = colours[k % len(colours)]
        rect(c, lx, y, w, h, col, wob=0.6)
        if vents:
            for v in range(3):
                line(c, lx + w * 0.25, y + 18 + v * 8, lx + w * 0.75, y + 18 + v * 8, width=2.0, wob=0.2)
        rect(c, lx + w * 0.72, y + h * 0.45, 6, 22, p.GREY_DARK, width=1.5, wob=0.2)


def drum_kit(c: Canvas, x: float, base: float, s: float, shell: str, *, rim: str = p.GREY_PALE) -> None:
    """A drum kit seen from the front: bass drum, toms, snare, floor tom, hi-hat and a crash cymbal.

    `x` is the centre of the bass drum, `base` the floor, `s` the bass drum's radius.
    """
    brass = "#e8c66a"
    # Cymbal stands behind the drums.
    line(c, x - s * 1.55, base, x - s * 1.55, base - s * 2.45, width=3.0, wob=0.3)
    line(c, x + s * 1.45, base, x + s * 1.45, base - s * 2.9, width=3.0, wob=0.3)
    for lx in (-1, 1):
        line(c, x + s * 1.45, base - 4, x + s * 1.45 + lx * s * 0.35, base, width=3.0, wob=0)
        line(c, x - s * 1.55, base - 4, x - s * 1.55 + lx * s * 0.35, base, width=3.0, wob=0)
    ellipse(
        c,
        x + s * 1.45,
        base - s * 2.9,
        s * 0.78,
        s * 0.14,
        brass,
        transform=f"rotate(-12 {num(x + s * 1.45)} {num(base - s * 2.9)})",
    )
    ellipse(c, x - s * 1.55, base - s * 2.45, s * 0.55, s * 0.1, brass)
    ellipse(c, x - s * 1.55, base - s * 2.35, s * 0.55, s * 0.1, brass)
    # Floor tom (right) and snare (left).
    fx, fy = x + s * 1.2, base - s * 0.2
    rect(c, fx - s * 0.5, fy - s * 0.9, s, s * 0.9, shell)
    ellipse(c, fx, fy - s * 0.9, s * 0.5, s * 0.14, rim)
    for lx in (fx - s * 0.42, fx + s * 0.42):
        line(c, lx, fy, lx + (lx - fx) * 0.25, base, width=3.0)
    sx, sy = x - s * 1.2, base - s * 1.15
    line(c, sx, sy, sx, base, width=3.0)
    line(c, sx, base - s * 0.4, sx - s * 0.3, base, width=3.0)
    line(c, sx, base - s * 0.4, sx + s * 0.3, base, width=3.0)
    rect(c, sx - s * 0.45, sy - s * 0.35, s * 0.9, s * 0.35, shell)
    ellipse(c, sx, sy - s * 0.35, s * 0.45, s * 0.1, rim)
    # Rack toms on the bass drum.
    for tx in (x - s * 0.45, x + s * 0.45):
        ty = base - s * 2.05
        rect(c, tx - s * 0.32, ty, s * 0.64, s * 0.45, shell)
        ellipse(c, tx, ty, s * 0.32, s * 0.09, rim)
    # Bass drum: shell ring, front head with a small emblem.
    circle(c, x, base - s, s, shell)
    circle(c, x, base - s, s * 0.82, p.WHITE)
    circle(c, x, base - s, s * 0.34, shell, width=2.0)
    poly(
        c,
        [(x - s * 0.12, base - s * 1.1), (x + s * 0.16, base - s * 1.0), (x - s * 0.04, base - s * 0.82)],
        p.WHITE,
        width=2.0,
        wob=0.3,
    )
    for side in (-1, 1):
        line(c, x + side * s * 0.7, base - s * 0.4, x + side * s * 1.0, base, width=3.0)
    # Sticks resting on the snare.
    line(c, sx - s * 0.5, sy - s * 0.5, sx + s * 0.35, sy - s * 0.3, width=4.0, colour=p.WOOD_LIGHT, stroke_opacity=1)
    line(
        c, sx - s * 0.45, sy - s * 0.36, sx + s * 0.42, sy - s * 0.44, width=4.0, colour=p.WOOD_LIGHT, stroke_opacity=1
    )


def rugby_ball(
    c: Canvas, x: float, y: float, s: float, *, angle: float = -20, colour: str = p.WHITE, band: str = p.YELLOW
) -> None:
    """A rugby ball (an oval with a coloured band, seam and stitches), rotated by `angle`."""
    with c.group(transform=f"rotate({angle:g} {num(x)} {num(y)})"):
        ellipse(c, x, y, s, s * 0.6, colour)
        for side in (-1, 1):
            bx, bulge = x + side * s * 0.35, x + side * s * 0.45
            d = f"M{num(bx)} {num(y - s * 0.55)}Q{num(bulge)} {num(y)} {num(bx)} {num(y + s * 0.55)}"
            c.el("path", d=d, fill="none", stroke=band, stroke_width=float(s * 0.18), stroke_opacity=1)
        ellipse(c, x, y, s, s * 0.6, "none")
        line(c, x - s * 0.22, y - s * 0.28, x + s * 0.22, y - s * 0.28, width=2.0, wob=0.2)
        for k in range(4):
            sx = x - s * 0.15 + k * s * 0.1
            line(c, sx, y - s * 0.35, sx, y - s * 0.21, width=2.0, wob=0)


def dog_bed(c: Canvas, x: float, y: float, w: float, colour: str, cushion: str) -> None:
    """An empty round dog bed (Nellie's) with a bone toy beside it; (x, y) is its centre."""
    ellipse(c, x, y, w / 2, w * 0.2, colour)
    ellipse(c, x, y + 2, w * 0.38, w * 0.12, cushion)
    d = (
        f"M{num(x - w / 2)} {num(y)}Q{num(x - w * 0.5)} {num(y + w * 0.26)} {num(x)} {num(y + w * 0.27)}"
        f"Q{num(x + w * 0.5)} {num(y + w * 0.26)} {num(x + w / 2)} {num(y)}"
    )
    c.el("path", d=d, fill=colour)
    c.el(
        "path",
        d=f"M{num(x - w * 0.36)} {num(y + w * 0.12)}Q{num(x)} {num(y + w * 0.2)} {num(x + w * 0.36)} "
        f"{num(y + w * 0.12)}",
        fill="none",
        stroke_width=2.0,
        stroke_opacity=0.5,
    )
    # Paw prints on the cushion front and a bone toy.
    for k in range(3):
        circle(c, x - w * 0.12 + k * w * 0.12, y + w * 0.17, 3, cushion, line=False)
    bx, by = x + w * 0.62, y + w * 0.2
    with c.group(transform=f"rotate(-15 {num(bx)} {num(by)})"):
        for ex in (bx - 18, bx + 18):
            circle(c, ex, by - 5, 6, p.WHITE, width=2.0)
            circle(c, ex, by + 5, 6, p.WHITE, width=2.0)
        rect(c, bx - 18, by - 5, 36, 10, p.WHITE, width=2.0, wob=0.3)


def dog_bowl(c: Canvas, x: float, y: float, colour: str) -> None:
    """A low dog bowl on the floor."""
    poly(c, [(x - 30, y - 16), (x + 30, y - 16), (x + 22, y), (x - 22, y)], colour, wob=0.5)
    ellipse(c, x, y - 16, 30, 7, p.WHITE, width=2.0)


def easel(c: Canvas, x: float, base: float, h: float, painting: Sequence[str], *, blank: bool = False) -> None:
    """A studio easel with a canvas on it; `painting` gives the colours of its abstract picture."""
    line(c, x - h * 0.22, base, x, base - h, width=5.0, colour=p.WOOD_DARK)
    line(c, x + h * 0.22, base, x, base - h, width=5.0, colour=p.WOOD_DARK)
    line(c, x, base - h * 0.7, x + h * 0.05, base + 4, width=4.0, colour=p.WOOD_DARK)
    cw, ch = h * 0.5, h * 0.42
    cx, cy = x - cw / 2, base - h * 0.82
    rect(c, x - cw * 0.6, cy + ch, cw * 1.2, 10, p.WOOD, wob=0.4)
    rect(c, cx, cy, cw, ch, p.WHITE)
    if not blank:
        bg, a, b = painting[0], painting[1 % len(painting)], painting[2 % len(painting)]
        rect(c, cx + 6, cy + 6, cw - 12, ch - 12, bg, line=False, wob=0.4)
        circle(c, cx + cw * 0.35, cy + ch * 0.4, ch * 0.2, a, line=False, opacity=0.9)
        smooth(
            c,
            [
                (cx + 10, cy + ch * 0.8),
                (cx + cw * 0.4, cy + ch * 0.55),
                (cx + cw * 0.7, cy + ch * 0.75),
                (cx + cw - 10, cy + ch * 0.5),
            ],
            colour=b,
            width=7.0,
            stroke_opacity=1,
        )


def paint_pots(c: Canvas, x: float, base: float, colours: Sequence[str], *, size: float = 24) -> None:
    """A row of paint pots with coloured lids and drips, plus a jar of brushes at the end."""
    px = x
    for col in colours:
        rect(c, px, base - size, size, size, p.WHITE, wob=0.4, width=2.0)
        ellipse(c, px + size / 2, base - size, size / 2, size * 0.18, col, width=2.0)
        line(
            c,
            px + size * 0.3,
            base - size,
            px + size * 0.3,
            base - size * 0.55,
            colour=col,
            width=4.0,
            stroke_opacity=1,
            wob=0.2,
        )
        px += size + 6
    jx = px + 8
    for k, col in enumerate(colours[:4]):
        a = math.radians(-110 + k * 14)
        ex, ey = jx + size * 0.5 + math.cos(a) * size * 1.6, base - size + math.sin(a) * size * 1.6
        line(c, jx + size * 0.5, base - size * 0.5, ex, ey, width=3.0, colour=p.WOOD_DARK, wob=0.2)
        circle(c, ex, ey, 3.5, col, width=1.5)
    poly(
        c,
        [(jx, base - size * 1.1), (jx + size, base - size * 1.1), (jx + size * 0.9, base), (jx + size * 0.1, base)],
        p.BLUE_PALE,
        width=2.0,
        wob=0.4,
        opacity=0.85,
    )


def mug(c: Canvas, x: float, base: float, colour: str, *, steam: bool = False) -> None:
    """A mug on a surface; optionally steaming."""
    rect(c, x, base - 22, 20, 22, colour, width=2.0, wob=0.3)
    c.el("path", d=f"M{num(x + 20)} {num(base - 17)}q9 0 9 6q0 6 -9 6", fill="none", stroke_width=2.0)
    if steam:
        for k in range(2):
            smooth(
                c,
                [(x + 6 + k * 8, base - 28), (x + 2 + k * 8, base - 38), (x + 8 + k * 8, base - 48)],
                width=2.0,
                stroke_opacity=0.35,
            )


def laptop(c: Canvas, x: float, base: float, w: float, screen: str = p.BLUE_PALE) -> None:
    """An open laptop on a desk."""
    poly(
        c,
        [
            (x + w * 0.08, base - w * 0.62),
            (x + w * 0.92, base - w * 0.62),
            (x + w * 0.88, base - 6),
            (x + w * 0.12, base - 6),
        ],
        p.GREY_DARK,
        wob=0.5,
    )
    poly(
        c,
        [
            (x + w * 0.13, base - w * 0.57),
            (x + w * 0.87, base - w * 0.57),
            (x + w * 0.84, base - 11),
            (x + w * 0.16, base - 11),
        ],
        screen,
        line=False,
        wob=0.3,
    )
    rect(c, x, base - 7, w, 7, p.GREY, wob=0.3, width=2.0)


def notebook(c: Canvas, x: float, base: float, w: float, colour: str) -> None:
    """A closed exercise book lying on a surface (a thin slab seen edge-on with a label squiggle)."""
    poly(c, [(x, base - 6), (x + w, base - 6), (x + w - 8, base - 16), (x + 6, base - 16)], colour, width=2.0, wob=0.3)
    writing(c, x + w * 0.3, base - 11, w * 0.3, 1, width=1.5, opacity=0.6)


def guitar(c: Canvas, x: float, base: float, s: float, body: str) -> None:
    """An acoustic guitar leaning against a wall (sound hole, neck, headstock)."""
    with c.group(transform=f"rotate(-12 {num(x)} {num(base)})"):
        line(c, x, base - s * 0.8, x, base - s * 2.0, width=float(s * 0.12), colour=p.WOOD_DARK, stroke_opacity=1)
        rect(c, x - s * 0.09, base - s * 2.2, s * 0.18, s * 0.22, p.WOOD_DARK, wob=0.2, width=2.0)
        circle(c, x, base - s * 0.38, s * 0.38, body)
        circle(c, x, base - s * 0.85, s * 0.28, body)
        circle(c, x, base - s * 0.38, s * 0.36, body, line=False)
        circle(c, x, base - s * 0.68, s * 0.11, p.BROWN_DARK, width=2.0)


def shirt(
    c: Canvas, x: float, y: float, s: float, colour: str, *, stripe: str | None = None, hanger: bool = True
) -> None:
    """A shirt or rugby jersey hanging from a peg at (x, y); `s` is its width."""
    if hanger:
        c.el(
            "path",
            d=f"M{num(x - s * 0.4)} {num(y + 12)}L{num(x)} {num(y)}L{num(x + s * 0.4)} {num(y + 12)}",
            fill="none",
            stroke_width=2.5,
        )
    top = y + 10
    pts = [
        (x - s * 0.18, top),
        (x - s * 0.5, top + s * 0.12),
        (x - s * 0.62, top + s * 0.42),
        (x - s * 0.4, top + s * 0.48),
        (x - s * 0.36, top + s * 1.1),
        (x + s * 0.36, top + s * 1.1),
        (x + s * 0.4, top + s * 0.48),
        (x + s * 0.62, top + s * 0.42),
        (x + s * 0.5, top + s * 0.12),
        (x + s * 0.18, top),
        (x, top + s * 0.12),
    ]
    poly(c, pts, colour, wob=0.8)
    if stripe:
        for k in range(2):
            sy = top + s * (0.5 + k * 0.22)
            poly(
                c,
                [(x - s * 0.39, sy), (x + s * 0.39, sy), (x + s * 0.38, sy + s * 0.1), (x - s * 0.38, sy + s * 0.1)],
                stripe,
                width=1.5,
                wob=0.3,
            )
    c.el(
        "path",
        d=f"M{num(x - s * 0.18)} {num(top)}Q{num(x)} {num(top + s * 0.2)} {num(x + s * 0.18)} {num(top)}",
        fill=p.WHITE,
        stroke_width=2.0,
    )


def trophy(c: Canvas, x: float, base: float, s: float, metal: str = "#e8c66a") -> None:
    """A small cup trophy on a plinth."""
    rect(c, x - s * 0.35, base - s * 0.25, s * 0.7, s * 0.25, p.WOOD_DARK, width=2.0, wob=0.3)
    line(c, x, base - s * 0.25, x, base - s * 0.5, width=4.0, wob=0)
    d = (
        f"M{num(x - s * 0.4)} {num(base - s * 1.1)}H{num(x + s * 0.4)}"
        f"Q{num(x + s * 0.38)} {num(base - s * 0.5)} {num(x)} {num(base - s * 0.5)}"
        f"Q{num(x - s * 0.38)} {num(base - s * 0.5)} {num(x - s * 0.4)} {num(base - s * 1.1)}Z"
    )
    c.el("path", d=d, fill=metal, stroke_width=2.0)
    for side in (-1, 1):
        c.el(
            "path",
            d=f"M{num(x + side * s * 0.38)} {num(base - s)}q{num(side * s * 0.25)} 0 {num(side * s * 0.05)} "
            f"{num(s * 0.3)}",
            fill="none",
            stroke_width=2.0,
        )
