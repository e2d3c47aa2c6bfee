"""Home settings: both boys' bedrooms, the Springs' kitchen, the Nelsons' kitchen, dining room and garden.

Why it exists: these are the rooms the story keeps coming back to, so each must be told apart at once:
Charlie's room is blue with a drum kit and band posters, Nick's is yellow with a rugby ball and Nellie's
dog bed; the Springs' kitchen is small and blue-tiled, the Nelsons' is roomy, warm and yellow.
"""

from __future__ import annotations

from . import palette as p
from .furniture import (
    bed,
    chair,
    desk,
    desk_lamp,
    dog_bed,
    dog_bowl,
    drum_kit,
    laptop,
    mug,
    notebook,
    rugby_ball,
    table,
    trophy,
)
from .kitchen import counter, fridge, fruit_bowl, hanging_utensils, hob, kettle, sink, wall_cupboards
from .light import beam, floor_shade, glow, sky, vignette, wash
from .nature import bush, grass_tufts, hills, moon, scatter_leaves, stars, tree
from .room import (
    clock,
    curtains,
    door,
    fairy_lights,
    floorboards,
    pendant,
    picture,
    plant,
    poster,
    radiator,
    rug,
    sag,
    shelf,
    skirting,
    tile_floor,
    tiles,
    view,
    wall_with_holes,
    window_frame,
)
from .shapes import circle, ellipse, flat_rect, line, poly, rect, round_rect, smooth
from .svg import Canvas

FLOOR_Y = 470


def charlie_bedroom(c: Canvas) -> None:
    """Charlie's room: blue walls, a window at the left over his drum kit, band posters, fairy lights,
    a shelf of books and records, and his bed along the right wall."""
    win = (80, 70, 250, 230)
    view(c, win, "day")
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, c.linear(0, 0, 1280, 0, [(0, "#e3eef8"), (1, p.BLUE_SOFT)]), [win])
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(200, 200), end=(900, 400), strength=0.35)
    window_frame(c, *win, colour=p.WHITE)
    curtains(c, *win, p.BLUE_DEEP, shade=p.NAVY)
    plant(c, 290, win[1] + win[3] + 4, 44, pot=p.BLUE)
    floorboards(c, FLOOR_Y, top="#e6c9a1", bottom="#c9a27a")
    skirting(c, 0, FLOOR_Y, 1280)
    beam(c, [(80, 310), (330, 310), (620, FLOOR_Y + 160), (300, FLOOR_Y + 160)], (200, 320), (450, 620), strength=0.28)
    rug(c, 640, 610, 300, 60, p.BLUE_SOFT, p.WHITE)
    # Posters: high on the wall so faces stay clear.
    poster(c, 420, 46, 118, 160, p.NAVY, "band", accent=p.YELLOW_SOFT, angle=-3)
    poster(c, 566, 70, 96, 130, p.PINK, "wave", accent=p.WHITE, angle=2)
    poster(c, 700, 40, 104, 140, "#7fa7a0", "drum", accent=p.CREAM, angle=-2)
    fairy_lights(c, 390, 24, 840, 24, 28, colours=(p.GLOW, p.YELLOW_SOFT, p.PINK_PALE), bulbs=12, halo=18)
    # Shelf with books and a record sleeve, bed along the right wall.
    shelf(c, 930, 190, 300, colours=(p.BLUE, p.BLUE_DEEP, p.YELLOW_SOFT, p.PINK, p.CREAM, p.NAVY), fill=0.62)
    rect(c, 1130, 118, 66, 66, p.ORANGE, wob=0.5, transform="rotate(6 1163 151)")
    circle(c, 1163, 151, 20, p.INK, line=False, opacity=0.75, transform="rotate(6 1163 151)")
    circle(c, 1163, 151, 5, p.ORANGE, line=False)
    picture(c, 1010, 250, 90, 70, frame=p.WHITE, scene="sea")
    bed(c, 920, 420, 360, duvet=p.BLUE, pattern=p.BLUE_PALE, head_right=True, frame=p.WOOD_LIGHT)
    drum_kit(c, 200, 548, 62, p.BLUE_DEEP)
    vignette(c)
    floor_shade(c, 560)


def _photo_string(c: Canvas, x1: float, x2: float, y: float, colours: tuple[str, ...]) -> None:
    """Polaroids pegged along a sagging string (friends, the team, days out)."""
    pts = sag(x1, y, x2, y, 18, len(colours) + 1)
    smooth(c, pts, width=1.5, stroke_opacity=0.6)
    for k, (px, py) in enumerate(pts[1:-1]):
        ang = (k * 7) % 13 - 6
        with c.group(transform=f"rotate({ang} {px:.0f} {py:.0f})"):
            rect(c, px - 19, py + 2, 38, 44, p.WHITE, width=2.0, wob=0.4)
            flat_rect(c, px - 14, py + 7, 28, 26, colours[k])
            circle(c, px - 3, py + 16, 5, p.PEACH, line=False, opacity=0.9)
            circle(c, px + 6, py + 18, 5, p.WOOD_LIGHT, line=False, opacity=0.9)
        rect(c, px - 3, py - 4, 6, 10, p.WOOD_LIGHT, width=1.5, wob=0.2)


def nick_bedroom(c: Canvas) -> None:
    """Nick's room: warm yellow walls, a window over his desk at the right, a rugby poster and photos of
    the team above his bed at the left, a trophy on the shelf, a rugby ball and Nellie's empty dog bed."""
    win = (950, 64, 250, 220)
    view(c, win, "day")
    wall = c.linear(0, 0, 1280, 0, [(0, p.YELLOW_SOFT), (0.7, "#fbeac0"), (1, p.YELLOW_PALE)])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, [win])
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(1080, 180), end=(380, 420), strength=0.4)
    window_frame(c, *win, colour=p.WHITE)
    curtains(c, *win, p.MUSTARD, shade="#b98a2e")
    floorboards(c, FLOOR_Y, top="#e4c396", bottom="#c49a6c")
    skirting(c, 0, FLOOR_Y, 1280)
    beam(
        c,
        [(950, 292), (1200, 292), (1000, FLOOR_Y + 180), (640, FLOOR_Y + 180)],
        (1080, 300),
        (820, 640),
        strength=0.26,
    )
    rug(c, 640, 620, 320, 62, p.YELLOW_SOFT, p.WHITE)
    # Above the bed: a rugby poster, a string of team photos, a pennant.
    poster(c, 40, 40, 112, 150, "#4f7f9a", "rugby", accent=p.YELLOW_PALE, angle=-3)
    _photo_string(c, 190, 470, 48, (p.GREEN, p.BLUE_SOFT, p.YELLOW_SOFT, p.PINK_PALE, p.GREEN_PALE))
    poly(c, [(520, 60), (660, 82), (520, 104)], p.NAVY, wob=0.6)
    poly(c, [(520, 74), (600, 82), (520, 90)], p.YELLOW, line=False, wob=0.3)
    line(c, 516, 52, 516, 116, width=4.0, colour=p.WOOD_DARK, wob=0)
    # Shelf with a trophy, books and a spare ball.
    shelf(c, 690, 170, 220, colours=(p.YELLOW, p.NAVY, p.RED, p.GREEN, p.CREAM), fill=0.45)
    trophy(c, 850, 170, 48)
    clock(c, 770, 80, 30, rim=p.MUSTARD)
    # Bed along the left wall.
    bed(c, -10, 420, 330, duvet="#f2cf6a", pattern=p.YELLOW_PALE, frame=p.WOOD)
    # Desk under the window with the laptop, a lamp and a mug.
    desk(c, 930, 360, 300, 112, p.WOOD_LIGHT)
    laptop(c, 990, 360, 96, screen=p.BLUE_PALE)
    desk_lamp(c, 1170, 360, p.NAVY, lit=False, facing=-1)
    mug(c, 1108, 360, p.RED)
    notebook(c, 1080, 374, 60, p.BLUE_SOFT)
    chair(c, 1010, 474, 80, p.NAVY, facing=-1)
    # Nellie's corner: bed and bowl at the front right, her ball by the bed.
    dog_bed(c, 1168, 470, 170, p.RUST, p.PEACH)
    dog_bowl(c, 1248, 496, p.BLUE)
    rugby_ball(c, 372, 470, 30, angle=14)
    vignette(c)
    floor_shade(c, 560)


def spring_kitchen(c: Canvas) -> None:
    """The Springs' kitchen: small and blue, white cupboards, a blue-tiled splashback, the sink under a
    window at the left, a fridge covered in notes at the right and the kettle always on."""
    win = (110, 86, 220, 160)
    view(c, win, "grey", roofs=True)
    wall = c.linear(0, 0, 1280, 0, [(0, "#dfeaf4"), (1, "#c9dcee")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, [win])
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(230, 180), end=(900, 420), strength=0.35)
    window_frame(c, *win, colour=p.WHITE, cols=2, rows=1)
    rect(c, win[0] - 6, win[1] - 10, win[2] + 12, 46, p.BLUE_PALE, wob=0.5)
    line(c, win[0] + win[2] / 2, win[1] + 36, win[0] + win[2] / 2, win[1] + 64, width=1.5, wob=0)
    tile_floor(c, FLOOR_Y, "#ddd6cb", "#c4bbae", grout="#b9afa1")
    tiles(c, 0, 268, 820, 92, 23, p.BLUE_SOFT, grout=p.WHITE)
    wall_cupboards(c, 400, 44, 420, 140, p.WHITE)
    hanging_utensils(c, 450, 212, 260)
    counter(c, 0, 360, 820, FLOOR_Y, p.WHITE, p.WOOD_LIGHT)
    sink(c, 160, 360, 120)
    plant(c, 350, 360, 50, pot=p.BLUE)
    kettle(c, 540, 360, p.BLUE_DEEP)
    mug(c, 600, 360, p.YELLOW)
    mug(c, 632, 360, p.BLUE)
    fruit_bowl(c, 750, 360, p.WHITE)
    door(c, 900, 150, 140, 320, p.BLUE_PALE, glass=True)
    skirting(c, 820, FLOOR_Y, 460)
    fridge(c, 1100, 130, 160, 340, p.WHITE, magnets=(p.RED, p.YELLOW, p.BLUE, p.GREEN, p.PINK))
    clock(c, 1010, 70, 26, rim=p.BLUE_DEEP)
    vignette(c)
    floor_shade(c, 540)


def nelson_kitchen(c: Canvas) -> None:
    """The Nelsons' kitchen: roomy and warm, big windows on to the garden, pendant lamps over an island,
    open shelves with jars and plants, and the yellow of Nick's family everywhere."""
    wins = [(60, 80, 200, 250), (290, 80, 200, 250)]
    view(c, (60, 80, 430, 250), "day", roofs=False)
    wall = c.linear(0, 0, 1280, 0, [(0, "#fbefd2"), (1, "#f3dfb3")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, wins)
    wash(c, 0, 0, 1280, FLOOR_Y, p.WHITE, start=(260, 200), end=(1000, 420), strength=0.4)
    for w in wins:
        window_frame(c, *w, colour=p.WHITE, cols=1, rows=2)
    radiator(c, 110, 380, 330, 60)
    plant(c, 520, FLOOR_Y, 90, pot=p.RUST)
    # Open shelves with jars and a plant on the right wall.
    for sy in (150, 250):
        rect(c, 880, sy, 340, 10, p.WOOD, wob=0.5)
    for k, col in enumerate((p.YELLOW_SOFT, p.ORANGE, p.GREEN_PALE, p.CREAM, p.RUST)):
        jx = 900 + k * 44
        round_rect(c, jx, 150 - 44, 30, 44, 6, col, width=2.0)
        rect(c, jx + 3, 150 - 52, 24, 9, p.WOOD_DARK, width=1.5, wob=0.2)
    plant(c, 1160, 150, 56, pot=p.YELLOW)
    for k in range(6):
        ellipse(c, 905 + k * 34, 240, 16, 6, p.WHITE, width=2.0)
        rect(c, 889 + k * 34, 222, 32, 18, p.WHITE if k % 2 else p.YELLOW_PALE, width=2.0, wob=0.3)
    # Back counter with the range, and the island.
    tiles(c, 560, 280, 720, 80, 26, "#fff6e0", grout="#e9d9b5")
    counter(c, 560, 360, 720, FLOOR_Y, p.YELLOW_SOFT, p.WOOD)
    hob(c, 680, 360, 130)
    rect(c, 670, 214, 150, 36, p.GREY_PALE, wob=0.5)
    poly(c, [(680, 214), (810, 214), (780, 150), (710, 150)], p.GREY_PALE, wob=0.5)
    rect(c, 728, 0, 34, 150, p.GREY_PALE, wob=0.4)
    kettle(c, 900, 360, p.RED)
    fruit_bowl(c, 1040, 360, p.BLUE_SOFT)
    floorboards(c, FLOOR_Y, top="#e8cfa8", bottom="#cba57a")
    skirting(c, 0, FLOOR_Y, 560)
    for px in (420, 640, 860):
        pendant(c, px, 0, 60, p.MUSTARD, r=30)
    # Stools tucked at the right edge.
    for sx in (1150, 1230):
        line(c, sx - 18, 404, sx - 26, FLOOR_Y + 30, width=6.0)
        line(c, sx + 18, 404, sx + 26, FLOOR_Y + 30, width=6.0)
        line(c, sx - 22, 450, sx + 22, 450, width=4.0)
        ellipse(c, sx, 400, 32, 10, p.MUSTARD)
    vignette(c)
    floor_shade(c, 560)


def nelson_dining(c: Canvas) -> None:
    """The Nelsons' dining room in the evening: the long table laid for dinner under a warm pendant,
    framed pictures, a sideboard and a tall window gone dusky."""
    win = (1010, 70, 190, 300)
    view(c, win, "dusk", roofs=False)
    wall = c.linear(0, 0, 1280, 0, [(0, "#efd9b8"), (1, "#f6e3c2")])
    wall_with_holes(c, 0, 0, 1280, FLOOR_Y, wall, [win])
    # Panelling under a dado rail.
    flat_rect(c, 0, 330, 1280, FLOOR_Y - 330, "#e6c99c", opacity=0.7)
    line(c, 0, 330, 1280, 330, width=4.0)
    for k in range(11):
        rect(c, 20 + k * 118, 350, 96, 90, "none", width=1.5, wob=0.4, stroke_opacity=0.45)
    window_frame(c, *win, colour=p.WHITE, cols=2, rows=3)
    curtains(c, *win, "#b8865e", shade=p.BROWN_DARK)
    picture(c, 60, 90, 150, 110, frame=p.WOOD_DARK, scene="hills")
    picture(c, 240, 70, 90, 120, frame=p.MUSTARD, scene="sea")
    picture(c, 780, 110, 110, 80, frame=p.WOOD_DARK, scene="abstract")
    # Sideboard at the left with a lamp and a vase.
    rect(c, 30, 350, 260, 120, p.WOOD_DARK)
    for k in range(3):
        rect(c, 42 + k * 82, 364, 72, 92, p.WOOD, width=2.0, wob=0.4)
    glow(c, 80, 290, 120, p.GLOW, 0.5)
    poly(c, [(60, 300), (100, 300), (112, 330), (48, 330)], p.CREAM, wob=0.4)
    line(c, 80, 330, 80, 350, width=5.0)
    poly(c, [(210, 350), (240, 350), (248, 310), (202, 310)], p.BLUE, wob=0.4)
    for k, col in enumerate((p.ORANGE, p.YELLOW, p.RUST)):
        circle(c, 214 + k * 12, 296 - (k % 2) * 10, 10, col, width=2.0)
    floorboards(c, FLOOR_Y, top="#caa27a", bottom="#a97f5a")
    skirting(c, 0, FLOOR_Y, 1280, colour="#f3e6d0")
    # The table: chair backs behind, then the cloth and the places laid.
    for cx in (420, 540, 660, 780, 900):
        rect(c, cx - 30, 330, 60, 110, p.WOOD_DARK, wob=0.5)
        rect(c, cx - 20, 342, 40, 70, p.WOOD, width=2.0, wob=0.4)
    glow(c, 660, 260, 480, p.GLOW, 0.3, squash=0.7)
    pendant(c, 660, 0, 150, p.WOOD_DARK, r=44)
    table(c, 340, 420, 640, 90, p.WOOD_DARK, cloth=p.CREAM)
    for px in (430, 550, 770, 890):
        ellipse(c, px, 416, 34, 8, p.WHITE, width=2.0)
        ellipse(c, px, 414, 18, 4, p.YELLOW_PALE, width=1.5)
        line(c, px + 44, 416, px + 44, 398, width=2.0, wob=0)
        poly(c, [(px + 36, 398), (px + 52, 398), (px + 48, 384), (px + 40, 384)], p.RED, width=2.0, wob=0.2)
    poly(c, [(630, 418), (690, 418), (676, 392), (644, 392)], p.WHITE, wob=0.4)
    ellipse(c, 660, 392, 26, 6, p.ORANGE, width=2.0)
    for cx in (610, 710):
        rect(c, cx - 5, 376, 10, 40, p.CREAM, width=2.0, wob=0.2)
        glow(c, cx, 366, 40, p.GLOW, 0.6)
        ellipse(c, cx, 368, 4, 8, p.YELLOW, width=1.5)
    vignette(c, 0.28)
    floor_shade(c, 560, strength=0.22)


def nick_garden(c: Canvas) -> None:
    """The Nelsons' back garden at dusk, dressed for a prom of its own: strings of lights from the house
    to the big tree, lanterns along the fence, a lawn, flower beds and the lit kitchen window."""
    sky(c, ["#6f6fae", "#b48bb5", "#eab1a8", "#f9dcb6"], h=420)
    stars(c, 300, 10, 700, 120, 22)
    moon(c, 900, 80, 26)
    # Neighbours' roofs and trees beyond the fence.
    hills(c, 330, 30, "#9f86ad", line=False, bumps=4)
    for tx, th in ((470, 190), (620, 160), (820, 200)):
        tree(c, tx, 360, th, colours=("#8e6f99", "#a585a8", "#7b6089"), trunk="#6f5a78")
    # Fence.
    fence_top = 330
    flat_rect(c, 0, fence_top + 10, 1280, 90, "#b78e6c")
    for k in range(33):
        fx = k * 40
        poly(
            c,
            [(fx, 430), (fx, fence_top + 14), (fx + 19, fence_top), (fx + 38, fence_top + 14), (fx + 38, 430)],
            "#c99d78" if k % 2 else "#bf936f",
            width=2.0,
            wob=0.5,
        )
    line(c, 0, 370, 1280, 370, width=2.0, stroke_opacity=0.4)
    # House wall at the left with the lit kitchen window and back door.
    flat_rect(c, 0, 0, 250, 460, c.linear(0, 0, 250, 0, [(0, "#c98a6c"), (1, "#d89c7a")]))
    for row in range(0, 460, 22):
        off = 0 if (row // 22) % 2 else 24
        c.el("path", d=f"M0 {row}H250", fill="none", stroke_width=1.2, stroke_opacity=0.25)
        for bx in range(off, 250, 48):
            c.el("path", d=f"M{bx} {row}V{row + 22}", fill="none", stroke_width=1.2, stroke_opacity=0.25)
    if getattr(c, "time", None) == "day":  # by day the kitchen light is off: plain glass with the sky in it
        rect(c, 50, 130, 150, 150, "#cfdfec")
        window_frame(c, 50, 130, 150, 150, colour=p.WHITE)
    else:
        glow(c, 120, 210, 200, p.GLOW, 0.55)
        rect(c, 50, 130, 150, 150, p.YELLOW_SOFT)
        window_frame(c, 50, 130, 150, 150, colour=p.WHITE, glare=False)
    rect(c, 250, 0, 8, 460, "#a9705a", line=False)
    # Big tree at the right with lights wound in it.
    tree(c, 1140, 470, 470, colours=(p.GREEN_DEEP, p.GREEN, p.OLIVE), trunk=p.BROWN_DARK, spread=1.0)
    # Strings of lights across the top, from the house to the tree.
    for y0, y1, depth in ((40, 120, 70), (120, 200, 60), (200, 170, 50)):
        fairy_lights(c, 250, y0, 1080, y1, depth, colours=(p.GLOW, p.PINK_PALE, p.YELLOW_SOFT), bulbs=15, halo=20)
    # Lanterns on the fence posts and flower beds.
    for lx in (330, 950):
        glow(c, lx, 318, 60, p.GLOW, 0.6)
        rect(c, lx - 12, 300, 24, 32, p.GLOW, width=2.0, wob=0.3)
        poly(c, [(lx - 16, 300), (lx, 288), (lx + 16, 300)], p.INK, width=2.0, wob=0.2)
    bush(c, 260, 470, 240, "#7e9f72", dots=p.PINK)
    bush(c, 880, 470, 200, "#7e9f72", dots=p.YELLOW_SOFT)
    # Lawn.
    lawn = c.linear(0, 430, 0, 720, [(0, "#8fae7a"), (1, "#6f8f62")])
    hills(c, 440, 10, "#8fae7a", line=False, bumps=3)
    flat_rect(c, 0, 450, 1280, 270, lawn)
    grass_tufts(c, 0, 450, 1280, 260, 60, "#5d7d55")
    scatter_leaves(c, 900, 470, 380, 40, 10, colours=(p.GREEN, p.OLIVE, p.YELLOW_SOFT))
    vignette(c, 0.3)
    floor_shade(c, 560)


SCENES = {
    "charlie_bedroom": charlie_bedroom,
    "nick_bedroom": nick_bedroom,
    "spring_kitchen": spring_kitchen,
    "nelson_kitchen": nelson_kitchen,
    "nelson_dining": nelson_dining,
    "nick_garden": nick_garden,
}
