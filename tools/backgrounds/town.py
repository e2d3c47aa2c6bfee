"""Around town and on the way: the street at night, the party in the woods and the coach to Paris.

Why it exists: the moments between places (walking home, a party under the trees, the long drive) have
their own light: street lamps and lit windows, strings of fairy lights in the dark, daylight sliding
past coach windows. They share the night palette and the perspective tricks in this one module.
"""

from __future__ import annotations

from . import palette as p
from .light import floor_shade, glow, sky, vertical, vignette
from .nature import bush, hills, leaf, moon, pine, scatter_leaves, stars, tree
from .room import fairy_lights, sag
from .shapes import circle, ellipse, flat_rect, line, poly, rect, round_rect
from .svg import Canvas, Point, num

NIGHT_SKY = [p.NIGHT_TOP, "#3b4274", p.NIGHT_BOTTOM]


def _house(c: Canvas, x: float, base: float, w: float, h: float, wall: str, door: str, lit: tuple[bool, ...]) -> None:
    """A terraced house at night: brick or render, a pitched roof, chimney, sash windows (some lit), a
    front door under a little porch light."""
    rect(c, x, base - h, w, h, wall, wob=0.6)
    poly(c, [(x - 8, base - h), (x + w * 0.5, base - h - w * 0.34), (x + w + 8, base - h)], "#3e3b5e", wob=0.6)
    rect(c, x + w * 0.68, base - h - w * 0.34, 22, 40, "#6c4f5b", width=2.0, wob=0.3)
    spots = [(x + w * 0.14, base - h + 24), (x + w * 0.56, base - h + 24), (x + w * 0.56, base - h * 0.52)]
    for (wx, wy), on in zip(spots, lit, strict=False):
        if on:
            glow(c, wx + w * 0.15, wy + 30, 70, p.GLOW, 0.45)
        rect(c, wx, wy, w * 0.3, 56, p.YELLOW_SOFT if on else "#4b4f7c", wob=0.4)
        line(c, wx, wy + 28, wx + w * 0.3, wy + 28, width=2.0, wob=0)
        rect(c, wx - 4, wy + 56, w * 0.3 + 8, 7, "#d9d3e0", width=2.0, wob=0.2)
    dx = x + w * 0.14
    rect(c, dx, base - 96, w * 0.26, 96, door, wob=0.4)
    circle(c, dx + w * 0.22, base - 48, 3, p.YELLOW_SOFT, width=1.5)
    glow(c, dx + w * 0.13, base - 110, 40, p.GLOW, 0.6)
    circle(c, dx + w * 0.13, base - 110, 5, p.GLOW, width=1.5)


def _street_lamp(c: Canvas, x: float, base: float, h: float, *, facing: int = 1) -> None:
    """A modern street lamp with a curved arm and a wide pool of light on the pavement."""
    glow(c, x + 60 * facing, base - 10, 220, "#ffe2a6", 0.35, squash=0.35)
    glow(c, x + 60 * facing, base - h + 14, 120, "#ffe2a6", 0.45)
    line(c, x, base, x, base - h + 30, width=7.0, colour="#3d3b55", stroke_opacity=1, wob=0)
    c.el(
        "path",
        d=f"M{num(x)} {num(base - h + 30)}Q{num(x)} {num(base - h)} {num(x + 60 * facing)} {num(base - h)}",
        fill="none",
        stroke="#3d3b55",
        stroke_width=7.0,
        stroke_opacity=1,
    )
    ellipse(c, x + 60 * facing, base - h + 6, 24, 8, p.GLOW, width=2.0)


def street_night(c: Canvas) -> None:
    """A quiet residential street after dark: a row of terraced houses with a few windows lit, a moon,
    street lamps throwing pools on the pavement, a parked car at the kerb and a tree dropping leaves."""
    sky(c, NIGHT_SKY, h=380)
    stars(c, 0, 0, 1280, 160, 40)
    moon(c, 1040, 70, 28)
    colours = ("#b9867b", "#c9a48d", "#a97f86", "#c4968a", "#b48f9d")
    doors = (p.BLUE_DEEP, p.RED, p.GREEN_DEEP, p.YELLOW, p.NAVY)
    lit = ((True, False, True), (False, True, False), (True, True, False), (False, False, True), (True, False, False))
    flat_rect(c, 0, 300, 1280, 150, "#2e2b48")
    for k in range(6):
        _house(c, -60 + k * 240, 430, 230, 230, colours[k % 5], doors[k % 5], lit[k % 5])
        bush(c, -40 + k * 240, 440, 70, "#3f5a4e")
    # Low front walls, pavement and road.
    rect(c, -4, 420, 1288, 24, "#8c7478", wob=0.5)
    vertical(c, 0, 444, 1280, 70, "#8d87a6", "#7b7596")
    line(c, 0, 514, 1280, 514, width=4.0)
    vertical(c, 0, 516, 1280, 204, "#4e4b6a", "#3b3852")
    for k in range(6):
        flat_rect(c, 60 + k * 230, 620, 110, 8, p.WHITE, opacity=0.5)
    tree(c, 150, 444, 380, colours=("#b8744f", "#d4965f", "#9b5c44"), trunk="#5a4248", spread=0.9)
    _street_lamp(c, 40, 470, 330)
    _street_lamp(c, 1240, 470, 330, facing=-1)
    # A car parked at the right kerb.
    cx = 1020
    poly(
        c,
        [(cx, 500), (cx + 20, 450), (cx + 70, 418), (cx + 170, 418), (cx + 230, 452), (cx + 280, 462), (cx + 286, 500)],
        "#6f8fbf",
        wob=0.6,
    )
    poly(c, [(cx + 36, 452), (cx + 76, 426), (cx + 118, 426), (cx + 118, 452)], "#c9d6ea", width=2.0, wob=0.3)
    poly(c, [(cx + 128, 452), (cx + 128, 426), (cx + 166, 426), (cx + 206, 452)], "#c9d6ea", width=2.0, wob=0.3)
    for wx in (cx + 60, cx + 228):
        circle(c, wx, 500, 24, "#2f2d40")
        circle(c, wx, 500, 10, p.GREY, width=2.0)
    scatter_leaves(c, 0, 450, 420, 60, 18)
    scatter_leaves(c, 600, 456, 400, 50, 8)
    vignette(c, 0.3)
    floor_shade(c, 560)


def woods_party(c: Canvas) -> None:
    """A party in the woods at night: dark trunks and pines, strings of fairy lights looped between the
    trees, paper lanterns, a glowing fire pit at one side, a speaker and cups on a log at the other."""
    sky(c, ["#1f2548", "#2d3361", "#474878"], h=460)
    stars(c, 300, 0, 680, 120, 30)
    for k in range(9):
        pine(c, 60 + k * 150 + c.jitter(30), 420, 260 + c.rng.uniform(0, 80), colour="#2c3b4a")
    hills(c, 420, 10, "#2f3a48", line=False, bumps=4)
    # Big trunks framing the clearing.
    for tx, tw in ((40, 60), (230, 40), (1060, 44), (1230, 64)):
        poly(c, [(tx - tw / 2, 500), (tx - tw * 0.35, 0), (tx + tw * 0.35, 0), (tx + tw / 2, 500)], "#4a3b46", wob=1.0)
        for k in range(4):
            line(
                c,
                tx - tw * 0.2 + k * 6,
                80 + k * 90,
                tx - tw * 0.2 + k * 6,
                140 + k * 90,
                width=2.0,
                stroke_opacity=0.4,
            )
    # Ground.
    flat_rect(c, 0, 430, 1280, 290, c.linear(0, 430, 0, 720, [(0, "#4a4a5a"), (1, "#34334a")]))
    # Fairy lights between the trunks.
    warm = (p.GLOW, p.PINK_PALE, p.YELLOW_SOFT, "#bfe0ff")
    fairy_lights(c, 40, 60, 230, 90, 50, colours=warm, bulbs=5, halo=26, halo_strength=0.7)
    fairy_lights(c, 230, 90, 1060, 70, 110, colours=warm, bulbs=20, halo=26, halo_strength=0.7)
    fairy_lights(c, 230, 200, 1060, 190, 70, colours=warm, bulbs=18, halo=26, halo_strength=0.7)
    fairy_lights(c, 1060, 70, 1230, 110, 40, colours=warm, bulbs=5, halo=26, halo_strength=0.7)
    # Paper lanterns hanging from the top string.
    for lx, col in ((420, p.PINK), (640, p.YELLOW_SOFT), (860, p.BLUE_SOFT)):
        pts = sag(230, 90, 1060, 70, 110, 20)
        ly = min(pts, key=lambda q: abs(q[0] - lx))[1]
        line(c, lx, ly, lx, ly + 30, width=1.5, wob=0)
        glow(c, lx, ly + 52, 70, col, 0.5)
        ellipse(c, lx, ly + 52, 22, 26, col, width=2.0)
        for k in (-1, 1):
            c.el(
                "path",
                d=f"M{num(lx + k * 8)} {num(ly + 28)}Q{num(lx + k * 18)} {num(ly + 52)} {num(lx + k * 8)} "
                f"{num(ly + 76)}",
                fill="none",
                stroke_width=1.5,
                stroke_opacity=0.5,
            )
    # Fire pit at the left.
    glow(c, 150, 470, 260, "#ffb36b", 0.5)
    for k in range(7):
        sx = 150 + (k - 3) * 22
        ellipse(c, sx, 492, 14, 9, "#8c8494")
    for k, col in enumerate((p.RED, p.ORANGE, p.YELLOW)):
        s = 1 - k * 0.28
        d = (
            f"M{num(150 - 44 * s)} 486Q{num(150 - 40 * s)} {num(486 - 60 * s)} {num(150 - 8 * s)} {num(486 - 96 * s)}"
            f"Q{num(150 + 4 * s)} {num(486 - 50 * s)} {num(150 + 22 * s)} {num(486 - 80 * s)}"
            f"Q{num(150 + 48 * s)} {num(486 - 40 * s)} {num(150 + 44 * s)} 486Z"
        )
        c.el("path", d=d, fill=col, stroke_width=2.0 if k == 0 else None, stroke="none" if k else None)
    # A log with cups and a little speaker at the right.
    round_rect(c, 1040, 440, 230, 44, 20, "#7b5a4a")
    ellipse(c, 1262, 462, 10, 22, "#c9996a")
    for k, col in enumerate((p.RED, p.BLUE, p.RED, p.YELLOW)):
        cx = 1070 + k * 34
        poly(c, [(cx - 10, 440), (cx + 10, 440), (cx + 8, 414), (cx - 8, 414)], col, width=2.0, wob=0.2)
    round_rect(c, 1200, 380, 50, 62, 8, "#2c2b3a")
    circle(c, 1225, 400, 11, "#4c4a63", width=2.0)
    circle(c, 1225, 426, 8, "#4c4a63", width=2.0)
    glow(c, 1225, 410, 60, "#9fd0ff", 0.3)
    scatter_leaves(c, 0, 500, 1280, 40, 20, colours=(p.RUST, p.ORANGE, p.MUSTARD, "#8c5a4a"))
    for k in range(10):
        leaf(
            c,
            300 + k * 70 + c.jitter(20),
            260 + c.jitter(60),
            7,
            c.rng.uniform(0, 360),
            c.rng.choice(p.AUTUMN),
            line=True,
        )
    vignette(c, 0.35)
    floor_shade(c, 540, strength=0.25)


def coach(c: Canvas) -> None:
    """Inside the coach on the road to Paris: looking down the aisle between rows of high-backed seats,
    windows on both sides full of passing fields, luggage racks above and reading lights."""
    cx, cy, focal = 640.0, 300.0, 700.0

    def at(xw: float, yw: float, z: float) -> Point:
        return (cx + xw / z * focal, cy + yw / z * focal)

    near, far = 1.0, 5.0
    floor_y, ceil_y, win_top, win_bottom = 0.6, -0.5, -0.32, 0.14
    # The view through the windows: sky and fields behind everything.
    sky(c, ["#9cc4e4", "#d4e6ef", "#f3e6cf"], h=420)
    hills(c, 330, 20, "#b5c99a", line=False, bumps=6)
    hills(c, 380, 14, "#9fbb86", line=False, bumps=7)
    for k in range(10):
        tx = k * 140 + c.jitter(30)
        tree(c, tx, 370, 60 + c.rng.uniform(0, 30), colours=(p.ORANGE, p.YELLOW_SOFT, p.RUST), spread=0.9, lumps=7)
    # Walls below and above the windows, ceiling, floor.
    side = "#d9d4e6"
    for s in (-1, 1):
        poly(
            c,
            [at(s, win_bottom, near), at(s, win_bottom, far), at(s, floor_y, far), at(s, floor_y, near)],
            side,
            line=False,
            wob=0,
        )
        poly(
            c,
            [at(s, ceil_y, near), at(s, ceil_y, far), at(s, win_top, far), at(s, win_top, near)],
            side,
            line=False,
            wob=0,
        )
        # Window pillars.
        for z in (1.25, 1.8, 2.6, 3.7):
            z1 = z * 1.05
            poly(
                c,
                [at(s, win_top, z), at(s, win_top, z1), at(s, win_bottom, z1), at(s, win_bottom, z)],
                side,
                wob=0.3,
                width=2.0,
            )
        a, b = at(s, win_top, near), at(s, win_top, far)
        line(c, a[0], a[1], b[0], b[1], width=3.0, wob=0.3)
        a, b = at(s, win_bottom, near), at(s, win_bottom, far)
        line(c, a[0], a[1], b[0], b[1], width=3.0, wob=0.3)
    poly(
        c,
        [at(-1, ceil_y, near), at(1, ceil_y, near), at(1, ceil_y, far), at(-1, ceil_y, far)],
        "#ece8f2",
        line=False,
        wob=0,
    )
    poly(
        c,
        [at(-1, floor_y, near), at(1, floor_y, near), at(1, floor_y, far), at(-1, floor_y, far)],
        "#6d6a86",
        line=False,
        wob=0,
    )
    fx0, fy0 = at(-1, ceil_y, far)
    fx1, fy1 = at(1, floor_y, far)
    rect(c, fx0, fy0, fx1 - fx0, fy1 - fy0, "#cfc9df", wob=0.3)
    wx0, wy0 = at(-0.8, win_top, far)
    wx1, wy1 = at(0.8, win_bottom + 0.05, far)
    vertical(c, wx0, wy0, wx1 - wx0, wy1 - wy0, "#cfe2ef", "#b9cfa0")
    rect(c, wx0, wy0, wx1 - wx0, wy1 - wy0, "none", wob=0.2, width=2.0)
    # Luggage racks with bags.
    for s in (-1, 1):
        rack = [
            at(s, ceil_y + 0.08, near),
            at(s, ceil_y + 0.08, far),
            at(s * 0.72, ceil_y + 0.1, far),
            at(s * 0.72, ceil_y + 0.1, near),
        ]
        poly(c, rack, "#bdb6cf", wob=0.3, width=2.0)
        for z, col in ((1.3, p.BLUE), (1.9, p.YELLOW), (2.8, p.RED)):
            bx, by = at(s * 0.86, ceil_y + 0.08, z)
            w = 90 / z
            round_rect(c, bx - w / 2, by - w * 0.55, w, w * 0.55, 8 / z, col, width=2.0)
        for z in (1.6, 2.3, 3.3):
            lx, ly = at(s * 0.7, ceil_y + 0.12, z)
            ellipse(c, lx, ly + 4 / z, 12 / z, 5 / z, p.GLOW, width=1.5)
    # Aisle carpet strip.
    poly(
        c,
        [at(-0.25, floor_y, near), at(0.25, floor_y, near), at(0.25, floor_y, far), at(-0.25, floor_y, far)],
        "#585574",
        line=False,
        wob=0,
    )
    # Seats: rows of high backs from far to near, on both sides of the aisle.
    for z in (4.4, 3.4, 2.6, 2.0, 1.6):
        for s in (-1, 1):
            x_in, x_out = s * 0.3, s * 0.98
            top, bottom = 0.0, floor_y
            pts = [at(x_in, top, z), at(x_out, top, z), at(x_out, bottom, z), at(x_in, bottom, z)]
            xs = [q[0] for q in pts]
            ys = [q[1] for q in pts]
            x0, x1 = min(xs), max(xs)
            y0, y1 = min(ys), max(ys)
            r = 30 / z
            round_rect(c, x0, y0, x1 - x0, y1 - y0, r, p.BLUE_DEEP, width=2.0 + 1.0 / z)
            flat_rect(c, x0 + r * 0.6, y0 + r * 0.4, x1 - x0 - r * 1.2, (y1 - y0) * 0.16, "#e9eef8")
            pattern = c.linear(x0, y0, x1, y1, [(0, p.BLUE, 0.0), (1, p.NAVY, 0.35)])
            flat_rect(c, x0 + 2, y0 + (y1 - y0) * 0.3, x1 - x0 - 4, (y1 - y0) * 0.68, pattern)
            for k in range(1, 4):
                px = x0 + (x1 - x0) * k / 4
                line(
                    c,
                    px,
                    y0 + (y1 - y0) * 0.32,
                    px,
                    y1 - 6,
                    width=1.5,
                    colour=p.YELLOW_SOFT,
                    stroke_opacity=0.35,
                    wob=0,
                )
    vignette(c, 0.26)
    floor_shade(c, 560)


SCENES = {
    "street_night": street_night,
    "woods_party": woods_party,
    "coach": coach,
}
