"""Prom night: the hall dressed for the dance, and the same hall the afternoon before.

Why it exists: prom is the story's last big set piece and the one place the palette turns to coloured
light, pink, purple and blue beams over a dark hall, a mirror ball, streamers and balloons, while the
line art and the calm middle stay the same as everywhere else. The friends dress the hall on Friday
afternoon, so the hall also has a day variant (`prom_hall.day`): daylight, the lights still dark and
the decorating half done.
"""

from __future__ import annotations

import math

from . import palette as p
from .light import beam, floor_shade, glow, vertical, vignette
from .room import fairy_lights, heart, star, view, wall_with_holes, window_frame
from .shapes import circle, ellipse, flat_rect, line, poly, rect, smooth
from .svg import Canvas, Point, num

PINK_LIGHT = "#ff8fc8"
PURPLE_LIGHT = "#b68cff"
BLUE_LIGHT = "#7fc4ff"


def _mirror_ball(c: Canvas, x: float, y: float, r: float, *, lit: bool = True) -> None:
    """A mirror ball on its chain, faceted by a grid of curved lines, throwing little glints when lit."""
    line(c, x, 0, x, y - r, width=2.0, wob=0)
    if lit:
        glow(c, x, y, r * 3.2, p.WHITE, 0.35)
    circle(c, x, y, r, c.radial(x - r * 0.3, y - r * 0.3, r * 1.3, [(0, p.WHITE), (0.6, "#c9c3e6"), (1, "#8d86b8")]))
    d = ""
    for k in range(1, 5):
        dy = -r + 2 * r * k / 5
        half = math.sqrt(max(0.0, r * r - dy * dy))
        d += f"M{num(x - half)} {num(y + dy)}H{num(x + half)}"
    for k in (-0.6, -0.2, 0.2, 0.6):
        d += f"M{num(x + k * r)} {num(y - r * math.sqrt(1 - k * k))}"
        d += f"Q{num(x + k * r * 1.35)} {num(y)} {num(x + k * r)} {num(y + r * math.sqrt(1 - k * k))}"
    c.el("path", d=d, fill="none", stroke_width=1.2, stroke_opacity=0.45)
    for k in range(18 if lit else 0):
        a = c.rng.uniform(0, 2 * math.pi)
        dist = c.rng.uniform(r * 1.6, 520)
        gx, gy = x + math.cos(a) * dist, y + abs(math.sin(a)) * dist * 0.7
        col = (p.WHITE, PINK_LIGHT, BLUE_LIGHT, PURPLE_LIGHT)[k % 4]
        glow(c, gx, gy, 14, col, 0.7)
        circle(c, gx, gy, 2.2, p.WHITE, line=False)


def _streamers(c: Canvas, x1: float, x2: float, colours: tuple[str, ...]) -> None:
    """Twisted crêpe streamers hanging from the ceiling in loose waves."""
    n = int((x2 - x1) / 34)
    for k in range(n):
        x = x1 + k * (x2 - x1) / n + c.jitter(6)
        length = c.rng.uniform(70, 150)
        pts: list[Point] = []
        for s in range(7):
            t = s / 6
            pts.append((x + math.sin(t * 7 + k) * 7, t * length))
        smooth(c, pts, colour=colours[k % len(colours)], width=7.0, stroke_opacity=1)
        smooth(c, pts, width=1.2, stroke_opacity=0.35)


def _balloons(c: Canvas, x: float, base: float, colours: tuple[str, ...]) -> None:
    """A bunch of balloons tied to a weight, each with a shine and a string."""
    spots = [(-40, -250), (10, -270), (52, -236), (-16, -206), (34, -196), (-56, -190)]
    for k, (dx, dy) in enumerate(spots):
        bx, by = x + dx, base + dy
        c.el(
            "path",
            d=f"M{num(bx)} {num(by + 34)}Q{num(bx + 10)} {num((by + base) / 2)} {num(x)} {num(base - 14)}",
            fill="none",
            stroke_width=1.5,
            stroke_opacity=0.6,
        )
        ellipse(c, bx, by, 30, 36, colours[k % len(colours)])
        ellipse(c, bx - 10, by - 14, 7, 10, p.WHITE, line=False, opacity=0.55)
        poly(c, [(bx - 5, by + 40), (bx + 5, by + 40), (bx, by + 34)], colours[k % len(colours)], width=1.5, wob=0)
    rect(c, x - 14, base - 16, 28, 16, "#4c4a63", width=2.0, wob=0.3)


def _dance_floor(c: Canvas, y: float, *, day: bool = False) -> None:
    """A chequered dance floor in perspective, tinted by pools of coloured light (by day: a pale floor, no pools)."""
    if day:
        vertical(c, 0, y, 1280, 720 - y, "#ddd0bd", "#c9b79e")
    else:
        vertical(c, 0, y, 1280, 720 - y, "#3a3158", "#2b2544")
    vx, vy = 640.0, y - 320
    rows = [y]
    step = 14.0
    while rows[-1] < 720:
        rows.append(rows[-1] + step)
        step *= 1.28
    cols = range(-14, 15)
    for r in range(len(rows) - 1):
        y0, y1 = rows[r], min(720.0, rows[r + 1])
        t0, t1 = (y0 - vy) / (y - vy), (y1 - vy) / (y - vy)
        for k in cols:
            if (k + r) % 2:
                continue
            xa, xb = 640 + k * 80, 640 + (k + 1) * 80
            pts = [
                (vx + (xa - vx) * t0, y0),
                (vx + (xb - vx) * t0, y0),
                (vx + (xb - vx) * t1, y1),
                (vx + (xa - vx) * t1, y1),
            ]
            poly(c, pts, "#f1e7d6" if day else "#4a3f6e", line=False, wob=0, opacity=0.55)
    if day:
        return
    for gx, gy, col in (
        (300, 560, PINK_LIGHT),
        (640, 520, PURPLE_LIGHT),
        (980, 580, BLUE_LIGHT),
        (120, 660, BLUE_LIGHT),
        (1160, 650, PINK_LIGHT),
    ):
        glow(c, gx, gy, 240, col, 0.4, squash=0.35)


def _stepladder(c: Canvas, x: float, base: float, h: float) -> None:
    """A painter's stepladder seen from the front, left out in the middle of the decorating."""
    poly(c, [(x + 14, base - h), (x + 46, base - h), (x + 52, base + 6), (x + 8, base + 6)], p.GREY, width=2.0, wob=0.4)
    for left, right in (((x, base), (x + 12, base - h)), ((x + 60, base), (x + 48, base - h))):
        line(c, *left, *right, width=7.0, colour=p.GREY_DARK, wob=0.3)
    for k in range(1, 5):
        y = base - h * k / 5
        inset = 12 * k / 5
        line(c, x + inset + 2, y, x + 60 - inset - 2, y, width=5.0, colour=p.GREY_PALE, wob=0.3)
    rect(c, x + 4, base - h - 12, 52, 14, p.GREY_PALE, wob=0.4, width=2.0)


def _box_of_decorations(c: Canvas, x: float, base: float) -> None:
    """A cardboard box with streamers and a balloon spilling out of it."""
    rect(c, x, base - 56, 96, 56, p.WOOD_LIGHT, wob=0.5)
    poly(c, [(x, base - 56), (x - 18, base - 74), (x + 30, base - 70), (x + 40, base - 56)], p.WOOD, wob=0.4)
    smooth(
        c,
        [(x + 50, base - 56), (x + 62, base - 80), (x + 80, base - 66), (x + 104, base - 40)],
        colour=p.PINK,
        width=6.0,
        stroke_opacity=1,
    )
    ellipse(c, x + 70, base - 86, 20, 24, p.BLUE_SOFT)
    ellipse(c, x + 63, base - 95, 5, 7, p.WHITE, line=False, opacity=0.55)


def _hall_by_day(c: Canvas) -> None:
    """The hall on the afternoon before prom: pale walls and daylight through tall windows, drapes hung on one
    side only, the mirror ball and fairy lights dark, streamers half way across the ceiling, balloon bunches
    already up, and a stepladder and a box of decorations still out on the floor."""
    wins = [(40, 70, 110, 280), (380, 70, 110, 280), (790, 70, 110, 280), (1130, 70, 110, 280)]
    for box in wins:
        view(c, box, "day", roofs=False)
    wall = c.linear(0, 0, 0, 450, [(0, "#e4dcee"), (1, "#d5c9e4")])
    wall_with_holes(c, 0, 0, 1280, 450, wall, wins)
    for box in wins:
        window_frame(c, *box, colour=p.WHITE, cols=1, rows=3, bar=6, sill=False)
    for x in (190, 1000):  # the two drapes that are up so far
        poly(c, [(x, 0), (x + 140, 0), (x + 130, 450), (x + 10, 450)], p.LILAC, line=False, wob=0)
        for f in range(1, 3):
            line(c, x + f * 46, 20, x + f * 44, 440, width=1.5, stroke_opacity=0.25, wob=1.0)
    for x, _, w, _ in wins:  # daylight falling from each window onto the floor
        beam(
            c,
            [(x, 350), (x + w, 350), (x + w + 120, 720), (x + 60, 720)],
            (x + w / 2, 350),
            (x + 100, 720),
            p.WHITE,
            0.3,
        )
    fairy_lights(c, 0, 40, 1280, 40, 60, colours=(p.WHITE, p.PINK_PALE, p.BLUE_PALE, p.LILAC), bulbs=26, halo=0)
    _streamers(c, 0, 700, (p.PINK, p.LILAC, p.BLUE_SOFT, p.YELLOW_SOFT, p.ROSE))
    _mirror_ball(c, 640, 150, 48, lit=False)
    for x, y in ((220, 200), (1060, 210)):
        heart(c, x, y, 12, p.PINK)
    rect(c, 960, 380, 220, 70, "#5b5470")
    flat_rect(c, 970, 392, 200, 8, BLUE_LIGHT, opacity=0.35)
    flat_rect(c, 970, 412, 200, 8, PINK_LIGHT, opacity=0.35)
    for sx in (930, 1200):
        rect(c, sx - 24, 300, 48, 150, "#4c4660")
        circle(c, sx, 340, 16, "#6f6888", width=2.0)
        circle(c, sx, 400, 12, "#6f6888", width=2.0)
    _dance_floor(c, 450, day=True)
    line(c, 0, 450, 1280, 450, width=3.0)
    _stepladder(c, 520, 520, 150)
    _box_of_decorations(c, 760, 500)
    _balloons(c, 90, 470, (p.PINK, p.LILAC, p.BLUE_SOFT))
    _balloons(c, 1190, 470, (p.BLUE_SOFT, p.PINK, p.PURPLE))
    vignette(c, 0.2)
    floor_shade(c, 560, strength=0.16)


def prom_hall(c: Canvas) -> None:
    """The hall on prom night: deep purple walls washed with pink, purple and blue spotlights, a mirror
    ball scattering glints, streamers and fairy lights along the ceiling, balloon bunches at both sides,
    the DJ's table glowing at the back and a chequered dance floor. By day: see `_hall_by_day`."""
    if getattr(c, "time", None) == "day":
        _hall_by_day(c)
        return
    vertical(c, 0, 0, 1280, 450, "#2c2550", "#4a3a6e")
    # Draped fabric panels on the back wall.
    for k in range(9):
        x = k * 150 - 30
        col = "#3d3264" if k % 2 else "#463a70"
        poly(c, [(x, 0), (x + 150, 0), (x + 140, 450), (x + 10, 450)], col, line=False, wob=0)
        for f in range(1, 3):
            line(c, x + f * 50, 20, x + f * 48, 440, width=1.5, stroke_opacity=0.25, wob=1.0)
    # Spotlight beams from the top corners and the stage rig.
    beam(c, [(0, 0), (60, 0), (560, 720), (330, 720)], (30, 0), (420, 720), PINK_LIGHT, 0.32)
    beam(c, [(1220, 0), (1280, 0), (950, 720), (720, 720)], (1250, 0), (840, 720), BLUE_LIGHT, 0.32)
    beam(c, [(620, 0), (660, 0), (1000, 720), (300, 720)], (640, 0), (640, 720), PURPLE_LIGHT, 0.2)
    # A heart-and-star garland and fairy lights under the ceiling.
    fairy_lights(
        c,
        0,
        40,
        1280,
        40,
        60,
        colours=(p.GLOW, PINK_LIGHT, BLUE_LIGHT, PURPLE_LIGHT),
        bulbs=26,
        halo=22,
        halo_strength=0.7,
    )
    _streamers(c, 0, 1280, (p.PINK, p.LILAC, p.BLUE_SOFT, p.YELLOW_SOFT, p.ROSE))
    _mirror_ball(c, 640, 150, 48)
    for k in range(7):
        x = 110 + k * 175
        if abs(x - 640) < 90:
            continue
        heart(c, x, 200 + (k % 2) * 30, 12, (p.PINK, p.ROSE, p.LILAC)[k % 3])
    for x, y in ((220, 120), (1060, 130), (420, 250), (880, 240)):
        star(c, x, y, 10, p.YELLOW_SOFT)
    # DJ table at the back right with a glowing front.
    glow(c, 1060, 400, 160, BLUE_LIGHT, 0.45)
    rect(c, 960, 380, 220, 70, "#2a2540")
    flat_rect(c, 970, 392, 200, 8, BLUE_LIGHT, opacity=0.8)
    flat_rect(c, 970, 412, 200, 8, PINK_LIGHT, opacity=0.8)
    for k in range(2):
        ellipse(c, 1010 + k * 120, 378, 30, 7, "#4c4a63", width=2.0)
    for sx in (930, 1200):
        rect(c, sx - 24, 300, 48, 150, "#25203a")
        circle(c, sx, 340, 16, "#4c4a63", width=2.0)
        circle(c, sx, 400, 12, "#4c4a63", width=2.0)
    _dance_floor(c, 450)
    line(c, 0, 450, 1280, 450, width=3.0)
    _balloons(c, 90, 470, (p.PINK, p.LILAC, p.BLUE_SOFT))
    _balloons(c, 1190, 470, (p.BLUE_SOFT, p.PINK, p.PURPLE))
    vignette(c, 0.35)
    floor_shade(c, 560, strength=0.2)


SCENES = {
    "prom_hall": prom_hall,
}
