"""School settings: Truham's corridor, art room, study hall, assembly hall, rugby pitch and changing room,
and the courtyard at Higgs.

Why it exists: most of the grades arc happens at school, so each school place needs one thing that names
it at a glance (lockers, easels and paint pots, rows of desks, the stage, the posts, the pegs of kit, the
girls' school's brick arch) while the middle of the frame stays calm for the characters.
"""

from __future__ import annotations

from . import palette as p
from .furniture import bench, easel, lockers, paint_pots, shirt
from .light import beam, floor_shade, glow, sky, vertical, vignette, wash
from .nature import bush, cloud, grass_tufts, hills, leaf, scatter_leaves, tree
from .room import (
    board,
    bunting,
    clock,
    door,
    floorboards,
    radiator,
    skirting,
    tile_floor,
    tiles,
    view,
    wall_with_holes,
    window_frame,
)
from .shapes import circle, ellipse, flat_rect, line, poly, rect, round_rect, smooth
from .svg import Canvas, num

FLOOR_Y = 470


def _two_tone_wall(c: Canvas, holes: list[tuple[float, float, float, float]], upper: str, lower: str) -> None:
    """A school wall: pale paint above a darker dado band, with a rail between."""
    wall_with_holes(c, 0, 0, 1280, 300, upper, holes)
    flat_rect(c, 0, 300, 1280, FLOOR_Y - 300, lower)
    rect(c, -4, 294, 1288, 10, p.WHITE, wob=0.5, width=2.5)


def truham_corridor(c: Canvas) -> None:
    """A Truham corridor between lessons: rows of lockers at both sides, a noticeboard, high windows,
    the clock, a glass-panelled classroom door and a polished lino floor."""
    wins = [(330, 24, 140, 96), (560, 24, 140, 96), (790, 24, 140, 96)]
    for box in wins:
        view(c, box, "day", roofs=True, trees=False)
    _two_tone_wall(c, wins, "#f3ead9", "#9fb6c6")
    for box in wins:
        window_frame(c, *box, colour=p.WHITE, cols=3, rows=1, bar=6, sill=False)
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(640, 60), end=(640, 420), strength=0.3)
    tile_floor(c, FLOOR_Y, "#e6dccb", "#cdbfaa", grout="#bcae99", vanish=380)
    for lx in range(0, 1280, 160):
        glow(c, lx + 80, 520, 120, p.WHITE, 0.25, squash=0.25)
    lockers(c, 0, 180, 6, 56, FLOOR_Y - 180, (p.NAVY, "#4f6b99"))
    lockers(c, 944, 180, 6, 56, FLOOR_Y - 180, (p.NAVY, "#4f6b99"))
    board(c, 370, 150, 220, 130, kind="cork")
    door(c, 680, 170, 130, FLOOR_Y - 170, "#b88a62", glass=True)
    rect(c, 850, 360, 30, 60, p.RED, wob=0.4)
    ellipse(c, 865, 360, 12, 5, p.INK, line=False, opacity=0.8)
    line(c, 865, 356, 880, 340, width=4.0, wob=0)
    clock(c, 640, 150, 26, rim=p.NAVY)
    skirting(c, 336, FLOOR_Y, 608, colour="#7f98ab")
    vignette(c)
    floor_shade(c, 560)


def _pinned_art(c: Canvas, x1: float, x2: float, y: float) -> None:
    """Pupils' paintings pinned in a ragged row: colour fields, suns, waves, portraits reduced to shapes."""
    palettes = (
        (p.BLUE_SOFT, p.YELLOW, p.RUST),
        (p.PINK_PALE, p.PURPLE, p.GREEN),
        (p.YELLOW_PALE, p.ORANGE, p.NAVY),
        (p.GREEN_PALE, p.TEAL, p.PINK),
        (p.LILAC, p.BLUE, p.YELLOW_SOFT),
        (p.PEACH, p.RED, p.BLUE_DEEP),
    )
    x = x1
    k = 0
    while x < x2 - 60:
        w, h = c.rng.uniform(70, 96), c.rng.uniform(62, 90)
        top = y + c.rng.uniform(-8, 14)
        bg, a, b = palettes[k % len(palettes)]
        ang = c.jitter(5)
        with c.group(transform=f"rotate({ang:.0f} {num(x + w / 2)} {num(top + h / 2)})"):
            rect(c, x, top, w, h, p.WHITE, width=2.0, wob=0.5)
            flat_rect(c, x + 6, top + 6, w - 12, h - 12, bg)
            if k % 3 == 0:
                circle(c, x + w * 0.62, top + h * 0.38, h * 0.18, a, line=False)
                smooth(
                    c,
                    [(x + 8, top + h * 0.78), (x + w * 0.4, top + h * 0.6), (x + w - 8, top + h * 0.74)],
                    colour=b,
                    width=5.0,
                    stroke_opacity=1,
                )
            elif k % 3 == 1:
                for s in range(3):
                    flat_rect(
                        c,
                        x + 10 + s * (w - 20) / 3,
                        top + 14 + s * 8,
                        (w - 20) / 3 - 4,
                        h - 34 - s * 8,
                        (a, b, p.WHITE)[s],
                        opacity=0.9,
                    )
            else:
                poly(
                    c,
                    [(x + 12, top + h - 10), (x + w / 2, top + 14), (x + w - 12, top + h - 10)],
                    a,
                    width=2.0,
                    wob=1.0,
                )
                circle(c, x + w * 0.3, top + h * 0.3, 7, b, line=False)
        circle(c, x + w / 2, top + 3, 4, (p.RED, p.BLUE, p.YELLOW)[k % 3], width=1.5)
        x += w + c.rng.uniform(16, 30)
        k += 1


def art_room(c: Canvas) -> None:
    """The art room: a wall of windows at the left, pupils' paintings pinned along the top, easels at
    both edges, shelves of paint pots and brush jars, a splashed worktable, and light everywhere."""
    win = (30, 60, 300, 300)
    view(c, win, "day")
    wall = c.linear(0, 0, 1280, 0, [(0, "#fbf1de"), (1, "#f4e2c4")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, [win])
    window_frame(c, *win, colour=p.WHITE, cols=3, rows=3, bar=7)
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(180, 200), end=(900, 400), strength=0.45)
    _pinned_art(c, 380, 900, 40)
    # Shelves of paint and jars at the right.
    for sy in (150, 250):
        rect(c, 930, sy, 330, 10, p.WOOD, wob=0.5)
    paint_pots(c, 944, 150, (p.RED, p.BLUE, p.YELLOW, p.GREEN, p.PURPLE, p.ORANGE), size=26)
    for k, col in enumerate((p.BLUE_PALE, p.PINK_PALE, p.YELLOW_PALE, p.GREEN_PALE)):
        jx = 950 + k * 70
        round_rect(c, jx, 200, 44, 50, 8, col, width=2.0)
        for b in range(3):
            line(c, jx + 12 + b * 10, 204, jx + 6 + b * 14, 176 - b * 4, width=3.0, colour=p.WOOD_DARK, wob=0.2)
    floorboards(c, FLOOR_Y, top="#dcc7a6", bottom="#bda27f")
    skirting(c, 0, FLOOR_Y, 1280)
    for sx, sy, col in ((420, 520, p.BLUE), (760, 600, p.YELLOW), (980, 540, p.PINK), (300, 640, p.GREEN)):
        ellipse(c, sx, sy, 22, 6, col, line=False, opacity=0.55)
        circle(c, sx + 28, sy + 4, 4, col, line=False, opacity=0.55)
    beam(c, [(30, 370), (330, 370), (640, 650), (160, 650)], (180, 380), (400, 640), strength=0.3)
    # Worktable at the right with pots and a roll of paper.
    rect(c, 900, 380, 380, 14, p.WOOD_LIGHT)
    for lx in (920, 1240):
        rect(c, lx, 394, 14, 100, p.WOOD_LIGHT, wob=0.4)
    for sx, col in ((980, p.BLUE), (1100, p.RED), (1180, p.YELLOW)):
        ellipse(c, sx, 384, 24, 4, col, line=False, opacity=0.7)
    paint_pots(c, 1020, 380, (p.TEAL, p.ROSE, p.MUSTARD), size=22)
    round_rect(c, 930, 352, 60, 26, 12, p.CREAM, width=2.0)
    # Easels at both edges.
    easel(c, 120, 560, 360, (p.BLUE_SOFT, p.YELLOW, p.RUST))
    easel(c, 1170, 600, 330, (p.PINK_PALE, p.PURPLE, p.TEAL))
    vignette(c)
    floor_shade(c, 560)


def _desk_row(c: Canvas, y: float, scale: float, count: int, colour: str, chair: str) -> None:
    """One row of single exam desks seen from the back of the room, each with its chair."""
    span = 1280 + 200 * scale
    step = span / count
    w, d = 112 * scale, 34 * scale
    for k in range(count):
        cx = -100 * scale + step * (k + 0.5)
        # Chair back behind the desk.
        rect(c, cx - w * 0.25, y - 62 * scale, w * 0.5, 30 * scale, chair, wob=0.4, width=2.0 + scale)
        line(c, cx - w * 0.2, y - 32 * scale, cx - w * 0.2, y - 8 * scale, width=2.0 + scale, wob=0)
        line(c, cx + w * 0.2, y - 32 * scale, cx + w * 0.2, y - 8 * scale, width=2.0 + scale, wob=0)
        poly(
            c,
            [(cx - w / 2 + 6 * scale, y - d), (cx + w / 2 - 6 * scale, y - d), (cx + w / 2, y), (cx - w / 2, y)],
            colour,
            wob=0.5,
            width=2.0 + scale,
        )
        rect(c, cx - w / 2, y, w, 8 * scale, p.WOOD_DARK, wob=0.3, width=2.0 + scale)
        for lx in (cx - w / 2 + 8 * scale, cx + w / 2 - 12 * scale):
            line(c, lx, y + 8 * scale, lx, y + 70 * scale, width=2.0 + scale * 2, colour=p.GREY_DARK, wob=0)
        if k % 2 == 0:
            poly(
                c,
                [
                    (cx - w * 0.2, y - d * 0.7),
                    (cx + w * 0.1, y - d * 0.75),
                    (cx + w * 0.12, y - d * 0.2),
                    (cx - w * 0.22, y - d * 0.2),
                ],
                p.WHITE,
                width=1.5,
                wob=0.3,
            )


def study_hall(c: Canvas) -> None:
    """The study hall set out for revision and exams: rows of single desks in perspective, tall windows,
    a clock on the back wall over a whiteboard."""
    wins = [(40, 40, 150, 250), (1090, 40, 150, 250)]
    for box in wins:
        view(c, box, "grey", roofs=True)
    wall = c.linear(0, 0, 1280, 0, [(0, "#efe6d6"), (0.5, "#f6eee0"), (1, "#efe6d6")])
    wall_with_holes(c, 0, 0, 1280, 380, wall, wins)
    for box in wins:
        window_frame(c, *box, colour=p.WHITE, cols=2, rows=3, bar=6)
    flat_rect(c, 0, 312, 1280, 68, "#c9b89e", opacity=0.5)
    line(c, 0, 312, 1280, 312, width=3.0)
    board(c, 440, 70, 400, 150, kind="white")
    clock(c, 640, 36, 24, rim=p.NAVY)
    radiator(c, 60, 322, 110, 46)
    radiator(c, 1110, 322, 110, 46)
    floorboards(c, 380, top="#d8bd98", bottom="#b99571", rows=7)
    skirting(c, 0, 380, 1280)
    _desk_row(c, 420, 0.62, 9, p.WOOD_LIGHT, p.BLUE_DEEP)
    _desk_row(c, 500, 0.82, 7, p.WOOD_LIGHT, p.BLUE_DEEP)
    _desk_row(c, 610, 1.05, 6, p.WOOD_LIGHT, p.BLUE_DEEP)
    vignette(c)
    floor_shade(c, 540)


def _stage(c: Canvas, x: float, w: float, top: float, floor: float) -> None:
    """A raised stage with an arch, half-drawn curtains and a pelmet across the top."""
    poly(c, [(x - 30, 10), (x + w + 30, 10), (x + w + 30, floor - 70), (x - 30, floor - 70)], p.WOOD_DARK, wob=0.4)
    vertical(c, x, top, w, floor - 70 - top, "#3d3a5c", "#5a5270")
    glow(c, x + w / 2, floor - 110, w * 0.45, p.GLOW, 0.3, squash=0.5)
    for left in (True, False):
        x0 = x if left else x + w
        inner = x0 + (w * 0.26 if left else -w * 0.26)
        pts = [(x0, top), (inner, top), (inner - (40 if left else -40), floor - 70), (x0, floor - 70)]
        poly(c, pts, p.NAVY, wob=0.8)
        for k in range(1, 4):
            fx = x0 + (inner - x0) * k / 4
            line(c, fx, top + 6, fx - (10 if left else -10) * k, floor - 76, width=2.0, colour="#2e3d63", wob=1.0)
    rect(c, x - 10, top - 4, w + 20, 40, p.NAVY, wob=0.6)
    for k in range(int(w / 40)):
        cx = x + 20 + k * 40
        c.el(
            "path",
            d=f"M{num(cx - 20)} {num(top + 36)}Q{num(cx)} {num(top + 52)} {num(cx + 20)} {num(top + 36)}",
            fill=p.NAVY,
            stroke_width=2.0,
        )
    rect(c, x - 40, floor - 70, w + 80, 70, p.WOOD, wob=0.6)
    line(c, x - 40, floor - 60, x + w + 40, floor - 60, width=2.0, stroke_opacity=0.4)
    for k in range(3):
        rect(c, x + w / 2 - 60, floor - 10 - k * 20 - 20, 120 - k * 10, 20, p.WOOD_LIGHT, wob=0.3, width=2.0)


def truham_hall(c: Canvas) -> None:
    """Truham's assembly hall: the stage with navy curtains at the back, tall windows along both sides,
    wall bars, stacked chairs and a sprung wooden floor marked for games."""
    wins = [(20, 40, 90, 300), (140, 40, 90, 300), (1050, 40, 90, 300), (1170, 40, 90, 300)]
    for box in wins:
        view(c, box, "day", roofs=False)
    wall = c.linear(0, 0, 1280, 0, [(0, "#e9dcc6"), (0.5, "#f3e8d6"), (1, "#e9dcc6")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, wins)
    for box in wins:
        window_frame(c, *box, colour=p.WHITE, cols=1, rows=4, bar=6, sill=False)
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(640, 0), end=(640, 400), strength=0.25)
    _stage(c, 400, 480, 60, FLOOR_Y)
    bunting(c, 250, 30, 1030, 30, 40, (p.NAVY, p.YELLOW_SOFT, p.WHITE, p.BLUE_SOFT))
    # Wall bars between the windows and the stage.
    for bx in (262, 962):
        for k in range(2):
            line(c, bx + k * 56, 110, bx + k * 56, FLOOR_Y, width=5.0, colour=p.WOOD_DARK, wob=0)
        for r in range(11):
            line(c, bx, 130 + r * 31, bx + 56, 130 + r * 31, width=3.0, colour=p.WOOD, wob=0)
    floorboards(c, FLOOR_Y, top="#e3c493", bottom="#c79f6e", rows=7)
    c.el("path", d="M0 560Q640 520 1280 560", fill="none", stroke=p.BLUE_DEEP, stroke_width=3.0, stroke_opacity=0.6)
    c.el("path", d="M-40 650Q640 600 1320 650", fill="none", stroke=p.RED, stroke_width=3.0, stroke_opacity=0.5)
    skirting(c, 0, FLOOR_Y, 1280, colour="#d9c8ac")
    # An upright piano at the left, a gym bench at the right, a lectern on the stage.
    rect(c, 10, FLOOR_Y - 170, 170, 150, p.WOOD_DARK)
    rect(c, 4, FLOOR_Y - 180, 182, 14, p.BROWN_DARK, wob=0.4)
    rect(c, 0, FLOOR_Y - 100, 190, 22, p.WOOD_DARK, wob=0.4)
    flat_rect(c, 6, FLOOR_Y - 100, 178, 10, p.WHITE)
    for k in range(12):
        line(c, 12 + k * 15, FLOOR_Y - 100, 12 + k * 15, FLOOR_Y - 90, width=1.5, wob=0)
        if k % 7 not in (2, 6):
            flat_rect(c, 18 + k * 15, FLOOR_Y - 100, 7, 6, p.INK)
    rect(c, 30, FLOOR_Y - 160, 130, 50, p.WOOD, width=2.0, wob=0.4)
    for lx in (20, 160):
        rect(c, lx, FLOOR_Y - 78, 10, 88, p.WOOD_DARK, wob=0.3, width=2.0)
    rect(c, 1080, FLOOR_Y - 10, 200, 14, p.WOOD_LIGHT, wob=0.5)
    for lx in (1100, 1250):
        rect(c, lx, FLOOR_Y + 4, 10, 30, p.WOOD, wob=0.3, width=2.0)
    poly(c, [(800, 330), (850, 330), (842, 400), (808, 400)], p.WOOD, wob=0.4)
    poly(c, [(792, 318), (858, 318), (850, 334), (800, 334)], p.WOOD_DARK, wob=0.3, width=2.0)
    vignette(c)
    floor_shade(c, 560)


def _rugby_posts(c: Canvas, x1: float, x2: float, bar: float, top: float, base: float, *, width: float = 9) -> None:
    """H-shaped posts with padded bases."""
    for px in (x1, x2):
        rect(c, px - width / 2, top, width, base - top, p.WHITE, wob=0.4)
        rect(c, px - width * 1.6, base - 70, width * 3.2, 70, p.NAVY, wob=0.5)
        rect(c, px - width * 1.6, base - 46, width * 3.2, 14, p.YELLOW, wob=0.3, width=2.0)
    rect(c, x1, bar - width / 2, x2 - x1, width, p.WHITE, wob=0.4)


def rugby_pitch(c: Canvas) -> None:
    """Truham's rugby pitch on an autumn afternoon: mown stripes and white lines, the posts at the right,
    a row of autumn trees and the school roofs beyond, and a bench with kit bags at the left."""
    sky(c, ["#9cc4e4", "#cfe2ef", "#f4e7d2"], h=340)
    cloud(c, 200, 80, 220, opacity=0.8)
    cloud(c, 760, 50, 260, opacity=0.7)
    # School buildings in the distance.
    for bx, bw, bh in ((80, 260, 90), (330, 160, 120), (980, 220, 80)):
        rect(c, bx, 300 - bh, bw, bh, "#d9b9a0", wob=0.6)
        poly(c, [(bx - 8, 300 - bh), (bx + bw / 2, 300 - bh - 34), (bx + bw + 8, 300 - bh)], "#8f8aa6", wob=0.5)
        for k in range(int(bw / 36)):
            rect(c, bx + 12 + k * 36, 300 - bh + 20, 18, 22, p.BLUE_PALE, width=1.5, wob=0.2)
    hills(c, 300, 14, "#a9bf8b", line=False, bumps=6)
    for tx, th, cols in (
        (40, 200, (p.ORANGE, p.YELLOW_SOFT, p.RUST)),
        (520, 150, (p.MUSTARD, p.YELLOW_SOFT, p.ORANGE)),
        (660, 170, (p.RUST, p.ORANGE, p.RED)),
        (830, 140, (p.ORANGE, p.YELLOW, p.RUST)),
        (1240, 210, (p.RED, p.ORANGE, p.MUSTARD)),
    ):
        tree(c, tx, 330, th, colours=cols, spread=0.9)
    # The pitch: mown stripes and lines.
    grass = c.linear(0, 320, 0, 720, [(0, "#9cc27d"), (1, "#6f9e5f")])
    flat_rect(c, 0, 320, 1280, 400, grass)
    for k in range(8):
        y0 = 320 + (k * 50) ** 1.08
        flat_rect(c, 0, y0, 1280, 24 + k * 6, "#ffffff", opacity=0.06)
    for y, o in ((350, 0.8), (430, 0.8)):
        line(c, -10, y, 1290, y, width=4.0, colour=p.WHITE, stroke_opacity=o, wob=1.5)
    line(c, 620, 320, 380, 720, width=4.0, colour=p.WHITE, stroke_opacity=0.7, wob=1.5)
    grass_tufts(c, 0, 340, 1280, 380, 70, "#5f8a52")
    _rugby_posts(c, 1020, 1190, 300, 30, 470)
    # Bench and kit bags at the left.
    bench(c, 30, 470, 200, p.WOOD)
    round_rect(c, 60, 376, 90, 40, 16, p.NAVY)
    line(c, 80, 378, 130, 378, width=3.0, colour=p.YELLOW, stroke_opacity=1, wob=0.3)
    ellipse(c, 200, 462, 22, 13, p.WHITE, transform="rotate(-20 200 462)")
    line(c, 190, 458, 210, 466, width=2.0, colour=p.YELLOW, stroke_opacity=1)
    scatter_leaves(c, 0, 470, 300, 60, 12)
    scatter_leaves(c, 900, 480, 380, 50, 10)
    vignette(c, 0.18)
    floor_shade(c, 560, strength=0.14)


def changing_room(c: Canvas) -> None:
    """The rugby changing room: pale green tiles, a row of pegs hung with jerseys and towels, slatted
    benches, frosted high windows, a kit bag and muddy boots."""
    wins = [(300, 20, 200, 70), (780, 20, 200, 70)]
    for box in wins:
        flat_rect(
            c, box[0] - 4, box[1] - 4, box[2] + 8, box[3] + 8, c.linear(0, 20, 0, 90, [(0, "#e6f0f4"), (1, "#c8dbe6")])
        )
    wall = c.linear(0, 0, 1280, 0, [(0, "#e3eee6"), (1, "#d4e4da")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, wins)
    tiles(c, 0, 220, 1280, FLOOR_Y - 220, 30, "#cfe3d6", grout=p.WHITE)
    rect(c, -4, 214, 1288, 10, p.TEAL, wob=0.4, width=2.0)
    for box in wins:
        window_frame(c, *box, colour=p.WHITE, cols=4, rows=1, bar=6, sill=False, glare=True)
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(640, 40), end=(640, 400), strength=0.3)
    # Peg rail with kit.
    rect(c, 0, 120, 1280, 14, p.WOOD, wob=0.5)
    kit = [
        (p.NAVY, p.YELLOW),
        (p.WHITE, None),
        (p.NAVY, p.YELLOW),
        (p.BLUE_SOFT, None),
        (p.NAVY, p.YELLOW),
        (p.GREY_PALE, None),
        (p.NAVY, p.YELLOW),
        (p.YELLOW_SOFT, None),
        (p.NAVY, p.YELLOW),
    ]
    for k, (col, stripe) in enumerate(kit):
        px = 70 + k * 142
        circle(c, px, 127, 6, p.GREY_DARK, width=2.0)
        if k in (3, 5):
            poly(c, [(px - 30, 134), (px + 30, 134), (px + 26, 230), (px - 26, 236)], col, wob=1.2)
            for s in range(3):
                line(c, px - 24, 190 + s * 12, px + 24, 190 + s * 12, colour=p.WHITE, width=3.0, stroke_opacity=0.8)
        else:
            shirt(c, px, 126, 84, col, stripe=stripe)
    tile_floor(c, FLOOR_Y, "#c9d6cf", "#a9bab1", grout="#9aaca2", vanish=400)
    skirting(c, 0, FLOOR_Y, 1280, colour=p.TEAL, h=10)
    # Benches along the wall.
    for bx in (0, 860):
        rect(c, bx, FLOOR_Y - 60, 420, 16, p.WOOD_LIGHT, wob=0.5)
        rect(c, bx, FLOOR_Y - 44, 420, 10, p.WOOD, wob=0.4, width=2.0)
        for lx in (bx + 30, bx + 380):
            rect(c, lx, FLOOR_Y - 34, 12, 44, p.GREY_DARK, wob=0.3)
    round_rect(c, 60, FLOOR_Y - 110, 160, 52, 20, p.NAVY)
    line(c, 90, FLOOR_Y - 106, 190, FLOOR_Y - 106, width=3.0, colour=p.YELLOW, stroke_opacity=1)
    c.el("path", d=f"M100 {FLOOR_Y - 110}Q140 {FLOOR_Y - 150} 180 {FLOOR_Y - 110}", fill="none", stroke_width=4.0)
    for bx in (1020, 1070):
        poly(
            c,
            [
                (bx, FLOOR_Y - 84),
                (bx + 20, FLOOR_Y - 84),
                (bx + 22, FLOOR_Y - 68),
                (bx + 44, FLOOR_Y - 64),
                (bx + 44, FLOOR_Y - 58),
                (bx, FLOOR_Y - 58),
            ],
            p.GREY_DARK,
            width=2.0,
            wob=0.3,
        )
        for s in range(3):
            circle(c, bx + 8 + s * 12, FLOOR_Y - 56, 2.5, p.BROWN, line=False)
    ellipse(c, 1200, FLOOR_Y - 70, 26, 16, p.WHITE, transform=f"rotate(-15 1200 {FLOOR_Y - 70})")
    line(c, 1188, FLOOR_Y - 76, 1212, FLOOR_Y - 66, width=2.0, colour=p.YELLOW, stroke_opacity=1)
    for mx, my in ((500, 560), (760, 600), (640, 520)):
        ellipse(c, mx, my, 30, 6, p.BROWN, line=False, opacity=0.25)
    vignette(c)
    floor_shade(c, 560)


def _brick_wall(c: Canvas, x: float, y: float, w: float, h: float, colour: str, *, course: float = 20) -> None:
    """A brick facade: a fill with staggered mortar lines drawn as one path."""
    flat_rect(c, x, y, w, h, colour)
    d = ""
    row = 0
    yy = y
    while yy < y + h:
        d += f"M{num(x)} {num(yy)}H{num(x + w)}"
        off = 0 if row % 2 else 22
        bx = x + off
        while bx < x + w:
            d += f"M{num(bx)} {num(yy)}V{num(min(y + h, yy + course))}"
            bx += 44
        yy += course
        row += 1
    c.el("path", d=d, fill="none", stroke="#f3e3d3", stroke_width=1.2, stroke_opacity=0.45)


def higgs_courtyard(c: Canvas) -> None:
    """The courtyard at Higgs: red-brick school buildings with white windows round a paved square, the
    arched entrance at the back, trees in planters dropping leaves, benches and a picnic table."""
    sky(c, ["#a7cbe6", "#d8e6ee", "#f5e7d5"], h=200)
    cloud(c, 420, 70, 200, opacity=0.75)
    # Back building with the arch.
    _brick_wall(c, 0, 110, 1280, 330, "#c98a70")
    rect(c, -4, 104, 1288, 14, p.STONE, wob=0.5)
    for wx in (60, 190, 320, 860, 990, 1120):
        for wy in (150, 290):
            rect(c, wx, wy, 90, 100, p.BLUE_PALE, wob=0.5)
            line(c, wx + 45, wy, wx + 45, wy + 100, width=3.0, colour=p.WHITE, stroke_opacity=1, wob=0)
            line(c, wx, wy + 40, wx + 90, wy + 40, width=3.0, colour=p.WHITE, stroke_opacity=1, wob=0)
            rect(c, wx - 4, wy + 100, 98, 8, p.STONE, wob=0.3, width=2.0)
    arch = "M520 440V240Q520 150 640 150Q760 150 760 240V440Z"
    c.el("path", d="M496 440V232Q496 126 640 126Q784 126 784 232V440Z", fill=p.STONE)
    c.el("path", d=arch, fill="#5d4f63")
    c.el("path", d="M560 440V260Q560 200 640 200Q720 200 720 260V440Z", fill="#a98fb8", stroke_width=2.0, opacity=0.5)
    for k in range(5):
        line(c, 560 + k * 40, 270, 560 + k * 40, 440, width=2.0, stroke_opacity=0.4, wob=0)
    circle(c, 640, 100, 22, p.WHITE)
    circle(c, 640, 100, 16, p.LILAC, width=2.0)
    # Paving.
    tile_floor(c, 440, "#e9dccb", "#cbbba6", grout="#b8a892", rows=6, vanish=300)
    # Planters with trees at both sides.
    for tx in (120, 1160):
        rect(c, tx - 90, 400, 180, 80, p.STONE_DARK, wob=0.6)
        rect(c, tx - 96, 396, 192, 14, p.STONE, wob=0.4, width=2.0)
        tree(c, tx, 400, 360, colours=(p.ORANGE, p.YELLOW_SOFT, p.RUST), spread=1.05)
    bush(c, 340, 440, 130, p.GREEN_DEEP, dots=p.PINK)
    bush(c, 820, 440, 130, p.GREEN_DEEP, dots=p.LILAC)
    bench(c, 380, 480, 130, p.WOOD, back=True)
    bench(c, 780, 480, 130, p.WOOD, back=True)
    scatter_leaves(c, 0, 450, 1280, 80, 26)
    for k in range(6):
        leaf(c, 200 + k * 170 + c.jitter(40), 160 + c.jitter(60), 9, c.rng.uniform(0, 360), c.rng.choice(p.AUTUMN))
    vignette(c)
    floor_shade(c, 560)


SCENES = {
    "truham_corridor": truham_corridor,
    "art_room": art_room,
    "study_hall": study_hall,
    "truham_hall": truham_hall,
    "rugby_pitch": rugby_pitch,
    "changing_room": changing_room,
    "higgs_courtyard": higgs_courtyard,
}
