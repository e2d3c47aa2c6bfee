"""The Paris trip: the hotel room and its corridor, the steps up to Montmartre, the Eiffel Tower, the
Louvre's pyramid and a café by the river with a bridge.

Why it exists: Paris is the story's turning point and is drawn in its own key, soft dusk (lilac, rose,
peach) over the same line art, so every Paris scene belongs together and still reads as the same game.
Each outdoor scene is named by its landmark, placed high or to the side so faces stay clear.
"""

from __future__ import annotations

from . import palette as p
from .furniture import bed
from .landmarks import awning, basilica, haussmann, lamp_post, palace_wing, pyramid, river, stone_bridge
from .landmarks import eiffel_tower as tower
from .light import floor_shade, glow, sky, vertical, vignette, wash
from .nature import bush, hills, scatter_leaves, stars, tree
from .room import curtains, picture, skirting, wall_with_holes
from .shapes import circle, ellipse, flat_rect, line, poly, rect, round_rect
from .svg import Canvas, Point, num

DUSK_SKY = ["#8f88c4", "#c99cc0", "#eeb3a8", "#f8d6b4"]
LEAVES = (p.ORANGE, p.RUST, p.MUSTARD, "#d99fb3")
DUSK_GREEN = ("#8f9f7c", "#b3ab7e", "#c99a78")


def _dusk(c: Canvas, h: float = 720) -> None:
    sky(c, DUSK_SKY, h=h)
    stars(c, 0, 0, 1280, 110, 16)


def _avenue_trees(c: Canvas, xs: tuple[float, ...], ground: float, height: float) -> None:
    """Paris street trees in dusky greens touched with autumn."""
    for x in xs:
        tree(c, x, ground, height, colours=DUSK_GREEN, trunk="#7d6a6a", spread=0.85)


def eiffel_tower(c: Canvas) -> None:
    """The tower at dusk, huge at the right and starting to sparkle, over the lawns of the Champ de Mars
    with a line of trees, lamp posts and the city's roofs beyond."""
    _dusk(c)
    glow(c, 960, 380, 420, "#ffe3c4", 0.35)
    haussmann(c, -20, 410, 200, 4, stone="#e9d3c6", roof="#8f89ad", lit=0.3, floor_h=50)
    haussmann(c, 190, 410, 170, 3, stone="#e2cabd", roof="#8f89ad", lit=0.3, floor_h=50)
    hills(c, 400, 6, "#a58fae", line=False, bumps=6)
    tower(c, 960, 442, 432)
    _avenue_trees(c, (430, 560, 690), 440, 140)
    lawn = c.linear(0, 430, 0, 720, [(0, "#a8b48f"), (1, "#7f946f")])
    flat_rect(c, 0, 440, 1280, 280, lawn)
    poly(c, [(560, 440), (760, 440), (1060, 720), (260, 720)], "#ead7c3", line=False, wob=0)
    line(c, 560, 440, 260, 720, width=2.5, stroke_opacity=0.45)
    line(c, 760, 440, 1060, 720, width=2.5, stroke_opacity=0.45)
    lamp_post(c, 60, 500, 240)
    lamp_post(c, 1220, 500, 260)
    bush(c, -10, 480, 200, "#8c9c78")
    bush(c, 1100, 480, 190, "#8c9c78")
    scatter_leaves(c, 0, 470, 1280, 60, 14, colours=LEAVES)
    vignette(c, 0.24)
    floor_shade(c, 560)


def montmartre_steps(c: Canvas) -> None:
    """The long steps up the hill of Montmartre with the white basilica at the top against a rose sky,
    iron lamp posts and railings at the sides and trees turning on the slopes."""
    _dusk(c)
    glow(c, 640, 150, 360, "#fff0dc", 0.4)
    basilica(c, 640, 244, 118)
    # The hill and its trees.
    hills(c, 240, 12, "#9f8fae", line=False, bumps=3)
    for tx, th in ((120, 260), (300, 200), (980, 210), (1170, 270)):
        tree(c, tx, 330, th, colours=(p.ORANGE, "#e0a57f", p.RUST), trunk="#7d6a6a", spread=0.95)
    flat_rect(c, 0, 320, 1280, 400, c.linear(0, 320, 0, 720, [(0, "#a3ac8a"), (1, "#859a77")]))
    # The steps: a trapezoid that widens towards us, with landings.
    top_y, top_l, top_r = 250, 560, 720
    steps = c.linear(0, top_y, 0, 720, [(0, "#e9d9cc"), (1, "#d7c1b0")])
    poly(c, [(top_l, top_y), (top_r, top_y), (1010, 720), (270, 720)], steps, wob=0.4)
    d = ""
    y = top_y
    k = 0
    while y < 720:
        t = (y - top_y) / (720 - top_y)
        xl = top_l + (270 - top_l) * t
        xr = top_r + (1010 - top_r) * t
        d += f"M{num(xl)} {num(y)}H{num(xr)}"
        y += 6 + k * 1.3
        k += 1
    c.el("path", d=d, fill="none", stroke_width=1.5, stroke_opacity=0.45)
    for frac in (0.35, 0.7):
        y = top_y + (720 - top_y) * frac
        xl = top_l + (270 - top_l) * frac
        xr = top_r + (1010 - top_r) * frac
        flat_rect(c, xl, y, xr - xl, 10 + frac * 14, "#f3e6da")
    # Railings along both sides of the steps and lamp posts at the edges.
    for sx0, sx1 in ((top_l + 6, 300), (top_r - 6, 980)):
        line(c, sx0, top_y - 24, sx1, 620, width=4.0, colour=p.INK, wob=0.5)
        for k in range(9):
            t = k / 8
            px, py = sx0 + (sx1 - sx0) * t, top_y - 24 + (620 - top_y + 24) * t
            line(c, px, py, px, py + 20 + 30 * t, width=2.0 + t * 2, wob=0)
    lamp_post(c, 200, 520, 260)
    lamp_post(c, 1080, 520, 260)
    scatter_leaves(c, 0, 420, 300, 120, 14, colours=LEAVES)
    scatter_leaves(c, 980, 420, 300, 120, 14, colours=LEAVES)
    scatter_leaves(c, 350, 300, 580, 140, 8, colours=LEAVES, size=(5, 8))
    vignette(c, 0.24)
    floor_shade(c, 560)


def louvre(c: Canvas) -> None:
    """The Cour Napoléon at dusk: the glass pyramid at the centre of the palace's wings, its glass
    catching the last light, flat pools at either side and lamp posts along the paving."""
    _dusk(c, 420)
    palace_wing(c, -40, 400, 420, 170, stone="#eedccd", roof="#8a86ab", bays=7)
    palace_wing(c, 900, 400, 420, 170, stone="#eedccd", roof="#8a86ab", bays=7)
    palace_wing(c, 370, 360, 540, 120, stone="#e4cfc0", roof="#8a86ab", bays=10)
    glow(c, 640, 360, 320, "#fff0dc", 0.45)
    pav = c.linear(0, 400, 0, 720, [(0, "#e6d4c6"), (1, "#cdb7a8")])
    flat_rect(c, 0, 400, 1280, 320, pav)
    d = ""
    for k in range(-10, 11):
        d += f"M{num(640 + k * 60)} 400L{num(640 + k * 260)} 720"
    for y in (430, 470, 530, 610, 700):
        d += f"M0 {y}H1280"
    c.el("path", d=d, fill="none", stroke="#b8a294", stroke_width=1.2, stroke_opacity=0.6)
    # Pools at both sides with the reflected glow.
    for px in (170, 1110):
        ellipse(c, px, 470, 180, 30, "#a9a4cf")
        ellipse(c, px, 470, 160, 22, "#c3b5d8", line=False)
        line(c, px - 100, 466, px - 40, 466, width=2.0, colour=p.WHITE, stroke_opacity=0.6)
        line(c, px + 20, 474, px + 90, 474, width=2.0, colour=p.WHITE, stroke_opacity=0.6)
    pyramid(c, 640, 420, 170, tint="#b9c3e6")
    for sx in (300, 980):
        pyramid(c, sx, 432, 28, tint="#b9c3e6")
    lamp_post(c, 40, 540, 250)
    lamp_post(c, 1240, 540, 250)
    vignette(c, 0.24)
    floor_shade(c, 560)


def riverside_cafe(c: Canvas) -> None:
    """A café terrace on the quay: a striped awning and bistro tables at the left, the river at dusk
    with a stone bridge across it, apartment blocks on the far bank and the tower far off."""
    _dusk(c, 330)
    tower(c, 1100, 290, 210, sparkle=True)
    for hx, hw, fl in ((300, 190, 3), (490, 210, 4), (700, 180, 3), (880, 150, 3)):
        haussmann(c, hx, 290, hw, fl, stone="#ecd6c6", roof="#8a86ab", lit=0.35, floor_h=52)
    river(c, 290, 180, top="#9d9ccf", bottom="#c9a9c6", sparkle="#fff3e6")
    stone_bridge(c, 520, 1300, 338, 404, arches=4, stone="#e8d4c3", under="#7f7aa6")
    # Quay: a low stone parapet and the paving of the terrace.
    flat_rect(c, 0, 470, 1280, 250, c.linear(0, 470, 0, 720, [(0, "#d9c3b4"), (1, "#bfa898")]))
    rect(c, -4, 452, 1288, 22, "#e9d8ca", wob=0.5)
    d = ""
    for k in range(0, 1281, 64):
        d += f"M{k} 456V470"
    c.el("path", d=d, fill="none", stroke_width=1.5, stroke_opacity=0.4)
    # The café: wall, lit window, awning over the terrace, tables out front.
    flat_rect(c, 0, 0, 290, 470, c.linear(0, 0, 290, 0, [(0, "#e9cdb9"), (1, "#f2dccb")]))
    rect(c, 280, 0, 12, 470, "#d4b7a3", wob=0.3)
    glow(c, 140, 290, 220, p.GLOW, 0.5)
    rect(c, 30, 220, 210, 160, "#f8d9a4")
    for k in (1, 2):
        line(c, 30 + k * 70, 220, 30 + k * 70, 380, width=3.0, wob=0)
    for k, col in enumerate((p.PINK, p.YELLOW_SOFT, p.WHITE)):
        circle(c, 70 + k * 70, 360, 10, col, width=2.0)
    round_rect(c, 20, 380, 230, 16, 4, p.WOOD, width=2.5)
    awning(c, -10, 120, 300, 64, ("#c9607a", p.WHITE))
    for tx in (70, 220):
        _bistro_chair(c, tx - 58, 560, facing=1)
        ellipse(c, tx, 440, 56, 14, p.WHITE)
        line(c, tx, 454, tx, 560, width=6.0, wob=0)
        line(c, tx - 30, 562, tx + 30, 562, width=5.0, wob=0)
        rect(c, tx - 9, 410, 18, 26, p.WHITE, width=2.0, wob=0.3)
        ellipse(c, tx + 26, 434, 14, 4, p.CREAM, width=1.5)
    lamp_post(c, 1180, 560, 330)
    scatter_leaves(c, 880, 476, 400, 60, 10, colours=LEAVES)
    vignette(c, 0.24)
    floor_shade(c, 560)


def _bistro_chair(c: Canvas, x: float, base: float, *, facing: int) -> None:
    """A rattan bistro chair seen from the side, its back away from the table."""
    back = x - 20 * facing
    line(c, back, base, back, base - 130, width=5.0, colour=p.WOOD_DARK, wob=0.3)
    line(c, x + 20 * facing, base, x + 20 * facing, base - 62, width=5.0, colour=p.WOOD_DARK, wob=0.3)
    ellipse(c, x, base - 64, 30, 8, "#e2c18f", width=2.5)
    rect(c, back - 6, base - 136, 12, 60, "#e2c18f", wob=0.3, width=2.0)


def paris_hotel(c: Canvas) -> None:
    """The boys' room in the Paris hotel: striped wallpaper, a tall French window on to a little iron
    balcony and the rooftops with the tower (at dusk; by day and by night in its variants), a bed at each side
    and a wall lamp lit between them."""
    win = (820, 60, 240, 390)
    _view_roofs(c, win)
    wall = c.linear(0, 0, 1280, 0, [(0, "#eadcec"), (1, "#f4e4e2")])
    wall_with_holes(c, 0, 0, 1280, 470, wall, [win])
    d = ""
    for k in range(0, 1280, 36):
        inside = win[0] - 14 <= k <= win[0] + win[2] + 14
        d += f"M{k} 0V{win[1] - 12}" if inside else f"M{k} 0V470"
    c.el("path", d=d, fill="none", stroke=p.WHITE, stroke_width=10.0, stroke_opacity=0.35)
    wash(c, 0, 0, win[0] - 10, 470, "#ffe9d6", start=(win[0], 200), end=(200, 420), strength=0.4)
    # French window: frame, tall panes, balcony rail.
    t = 10
    ring = (
        f"M{win[0] - t} {win[1] - t}H{win[0] + win[2] + t}V{win[1] + win[3]}H{win[0] - t}Z"
        f"M{win[0]} {win[1]}V{win[1] + win[3]}H{win[0] + win[2]}V{win[1]}Z"
    )
    c.el("path", d=ring, fill=p.WHITE, fill_rule="evenodd")
    rect(c, win[0] + win[2] / 2 - 4, win[1], 8, win[3], p.WHITE, wob=0.3, width=2.0)
    for k in range(1, 4):
        y = win[1] + win[3] * k / 4
        line(c, win[0], y, win[0] + win[2], y, width=4.0, colour=p.WHITE, stroke_opacity=1, wob=0)
    rect(c, win[0] - 20, 330, win[2] + 40, 8, "#4c4a63", wob=0.3)
    for k in range(15):
        bx = win[0] - 14 + k * (win[2] + 28) / 14
        line(c, bx, 338, bx, 440, width=2.5, colour="#4c4a63", stroke_opacity=1, wob=0)
    c.el("path", d=f"M{win[0] - 20} 380H{win[0] + win[2] + 20}", fill="none", stroke="#4c4a63", stroke_width=2.5)
    curtains(c, *win[:3], win[3] - 40, "#cdb2d6", shade="#a88db8")
    # Cornice and skirting.
    rect(c, -4, 0, 1288, 18, p.WHITE, wob=0.4)
    floor = c.linear(0, 470, 0, 720, [(0, "#b99aa3"), (1, "#9c7f8c")])
    flat_rect(c, 0, 470, 1280, 250, floor)
    d = ""
    for k in range(-8, 9):
        d += f"M{num(640 + k * 90)} 470L{num(640 + k * 260)} 720"
    c.el("path", d=d, fill="none", stroke="#8c6f7c", stroke_width=1.5, stroke_opacity=0.5)
    skirting(c, 0, 470, 1280)
    # Beds at both sides, a bedside table and a lamp between.
    bed(c, -40, 430, 340, duvet="#f6efe6", pattern="#d9c6e4", frame=p.WOOD_DARK)
    bed(c, 1060, 440, 300, duvet="#f6efe6", pattern="#d9c6e4", head_right=True, frame=p.WOOD_DARK)
    rect(c, 320, 380, 80, 90, p.WOOD_DARK)
    line(c, 330, 420, 390, 420, width=2.0, stroke_opacity=0.5)
    glow(c, 360, 300, 160, p.GLOW, 0.5)
    poly(c, [(340, 296), (380, 296), (392, 330), (328, 330)], p.CREAM, wob=0.3)
    line(c, 360, 330, 360, 378, width=4.0)
    ellipse(c, 360, 380, 16, 4, p.WOOD_LIGHT, width=2.0)
    picture(c, 80, 110, 160, 110, frame="#d8b25c", scene="hills")
    picture(c, 480, 90, 90, 120, frame="#d8b25c", scene="abstract")
    # Suitcases standing by the beds: Charlie's blue, Nick's yellow.
    round_rect(c, 420, 380, 70, 96, 10, p.BLUE)
    rect(c, 440, 366, 30, 16, "none", width=3.0, wob=0.3)
    line(c, 430, 400, 480, 400, width=2.0, stroke_opacity=0.5)
    round_rect(c, 700, 370, 76, 106, 10, p.YELLOW)
    rect(c, 722, 356, 32, 16, "none", width=3.0, wob=0.3)
    line(c, 738, 370, 738, 476, width=2.0, stroke_opacity=0.5)
    vignette(c, 0.26)
    floor_shade(c, 560)


HOTEL_SKIES = {"day": (p.DAY_TOP, "#e9eef0"), "night": (p.NIGHT_TOP, p.NIGHT_BOTTOM)}  # dusk: its own


def _view_roofs(c: Canvas, box: tuple[float, float, float, float]) -> None:
    """Paris from a hotel window at dusk (or by day, or by night with stars and the tower sparkling): zinc roofs
    and chimney pots, the tower small in the distance."""
    x, y, w, h = box
    time = getattr(c, "time", None)
    top, bottom = HOTEL_SKIES.get(time, ("#9c92c8", "#f3c6a8"))
    vertical(c, x - 6, y - 6, w + 12, h + 12, top, bottom)
    if time == "night":
        stars(c, x, y, w, h * 0.45, 9)
    tower(c, x + w * 0.68, y + h * 0.72, h * 0.5, sparkle=time == "night")
    pts: list[Point] = [(x - 6, y + h + 6), (x - 6, y + h * 0.68)]
    cx = x - 6
    while cx < x + w + 6:
        bw = c.rng.uniform(30, 54)
        top = y + h * c.rng.uniform(0.62, 0.72)
        pts += [(cx, top), (cx + 8, top - 14), (cx + bw - 8, top - 14), (cx + bw, top)]
        cx += bw
    pts.append((x + w + 6, y + h + 6))
    poly(c, pts, "#8f88ad", line=False, wob=0)
    for k in range(5):
        px = x + 14 + k * w / 5
        rect(c, px, y + h * 0.6 - 10, 12, 18, "#b46f5f", width=1.5, wob=0.2)
    for k in range(6):
        gx = x + 10 + k * w / 6 + c.jitter(6)
        rect(c, gx, y + h * 0.8, 10, 14, p.GLOW, width=1.5, wob=0.2)


def hotel_corridor(c: Canvas) -> None:
    """The hotel corridor at night: a long carpeted perspective of numbered-but-unlettered doors, warm
    wall lights between them and a window at the far end."""
    cx, cy, focal = 640.0, 300.0, 700.0

    def at(xw: float, yw: float, z: float) -> Point:
        return (cx + xw / z * focal, cy + yw / z * focal)

    floor_y, ceil_y, far = 0.6, -0.43, 3.2
    # Ceiling, floor, walls as four trapezoids from the frame to the far wall.
    near = 1.0
    walls = {
        "ceil": ([at(-1, ceil_y, near), at(1, ceil_y, near), at(1, ceil_y, far), at(-1, ceil_y, far)], "#f1e4d8"),
        "floor": ([at(-1, floor_y, near), at(1, floor_y, near), at(1, floor_y, far), at(-1, floor_y, far)], "#8f6f80"),
        "left": ([at(-1, ceil_y, near), at(-1, ceil_y, far), at(-1, floor_y, far), at(-1, floor_y, near)], "#e8cfc9"),
        "right": ([at(1, ceil_y, near), at(1, ceil_y, far), at(1, floor_y, far), at(1, floor_y, near)], "#ddc1bf"),
    }
    for pts, fill in walls.values():
        poly(c, pts, fill, line=False, wob=0)
    fx0, fy0 = at(-1, ceil_y, far)
    fx1, fy1 = at(1, floor_y, far)
    # Far wall and its window.
    rect(c, fx0, fy0, fx1 - fx0, fy1 - fy0, "#efd9cf", wob=0.3)
    wx0, wy0 = at(-0.45, -0.25, far)
    wx1, wy1 = at(0.45, 0.25, far)
    vertical(c, wx0, wy0, wx1 - wx0, wy1 - wy0, "#3a3f6e", "#7a6f9e")
    stars(c, wx0 + 4, wy0 + 4, wx1 - wx0 - 8, (wy1 - wy0) * 0.5, 6)
    rect(c, wx0, wy0, wx1 - wx0, wy1 - wy0, "none", wob=0.3)
    line(c, (wx0 + wx1) / 2, wy0, (wx0 + wx1) / 2, wy1, width=3.0, wob=0)
    # Dado rails along both walls.
    for side in (-1, 1):
        a, b = at(side, 0.12, near), at(side, 0.12, far)
        line(c, a[0], a[1], b[0], b[1], width=3.0, wob=0.5)
    # Wainscot tint under the rail.
    for side, tint in ((-1, "#d6b3ae"), (1, "#caa8a6")):
        pts = [at(side, 0.12, near), at(side, 0.12, far), at(side, floor_y, far), at(side, floor_y, near)]
        poly(c, pts, tint, line=False, wob=0, opacity=0.7)
    # Doors and lamps on both walls.
    for side in (-1, 1):
        for z0 in (1.15, 1.7, 2.35):
            z1 = z0 + 0.28 * z0 / 1.15
            door_pts = [at(side, -0.16, z0), at(side, -0.16, z1), at(side, floor_y, z1), at(side, floor_y, z0)]
            poly(c, door_pts, "#8d5f58", wob=0.4)
            inset = [
                at(side, -0.1, z0 + 0.04),
                at(side, -0.1, z1 - 0.04),
                at(side, 0.5, z1 - 0.04),
                at(side, 0.5, z0 + 0.04),
            ]
            poly(c, inset, "none", wob=0.3, width=2.0, stroke_opacity=0.5)
            hx, hy = at(side, 0.22, z0 + 0.06)
            circle(c, hx, hy, max(2.0, 5 / z0), "#e8c66a", width=1.5)
            plate = at(side, -0.22, (z0 + z1) / 2)
            rect(c, plate[0] - 8 / z0, plate[1] - 5 / z0, 16 / z0, 10 / z0, "#e8c66a", width=1.5, wob=0.2)
        for z in (1.45, 2.02, 2.8):
            lx, ly = at(side, -0.2, z)
            glow(c, lx, ly, 90 / z, p.GLOW, 0.55)
            poly(
                c,
                [
                    (lx - 10 / z, ly - 14 / z),
                    (lx + 10 / z, ly - 14 / z),
                    (lx + 14 / z, ly + 10 / z),
                    (lx - 14 / z, ly + 10 / z),
                ],
                p.CREAM,
                wob=0.2,
                width=2.0,
            )
    # Outline the corridor's corners.
    for xs in (-1, 1):
        for ys in (ceil_y, floor_y):
            a, b = at(xs, ys, near), at(xs, ys, far)
            line(c, a[0], a[1], b[0], b[1], width=3.0, wob=0.6)
    # Carpet runner with a border and a repeating motif.
    runner = [at(-0.6, floor_y, near), at(0.6, floor_y, near), at(0.6, floor_y, far), at(-0.6, floor_y, far)]
    poly(c, runner, "#a0415a", wob=0.3)
    inner = [at(-0.5, floor_y, near), at(0.5, floor_y, near), at(0.5, floor_y, far), at(-0.5, floor_y, far)]
    poly(c, inner, "none", width=2.0, wob=0.2, stroke=p.YELLOW_SOFT, stroke_opacity=0.8)
    z = 1.05
    while z < far:
        mx, my = at(0, floor_y, z)
        w = 0.16 / z * focal
        poly(
            c,
            [(mx, my - w * 0.25), (mx + w, my), (mx, my + w * 0.25), (mx - w, my)],
            "#d9a85a",
            line=False,
            wob=0,
            opacity=0.4,
        )
        z *= 1.22
    for z in (1.3, 1.9, 2.7):
        lx, ly = at(0, ceil_y, z)
        glow(c, lx, ly + 10 / z, 160 / z, p.GLOW, 0.5)
        ellipse(c, lx, ly + 6 / z, 60 / z, 12 / z, p.CREAM, width=2.0)
    glow(c, 640, 300, 300, p.GLOW, 0.18)
    vignette(c, 0.3)
    floor_shade(c, 560)


SCENES = {
    "paris_hotel": paris_hotel,
    "hotel_corridor": hotel_corridor,
    "montmartre_steps": montmartre_steps,
    "eiffel_tower": eiffel_tower,
    "louvre": louvre,
    "riverside_cafe": riverside_cafe,
}
