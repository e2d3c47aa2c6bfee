"""Home settings: both boys' bedrooms, the Springs' kitchen, the Nelsons' kitchen, dining room and garden.

Why it exists: these are the rooms the story keeps coming back to, so each must be told apart at once:
Charlie's room is blue with a drum kit and band posters, Nick's is yellow with a rugby ball and Nellie's
dog bed; the Springs' kitchen is small and blue-tiled, the Nelsons' is roomy, warm and yellow.
"""

from __future__ import annotations

from . import palette as p
from .furniture import (
    bed,
    bench,
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
)
from .light import beam, floor_shade, glow, horizontal, sky, vertical, vignette, wash
from .nature import bush, grass_tufts, hills, leaf, moon, scatter_leaves, stars, tree
from .room import (
    board,
    books,
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
    shelf,
    skirting,
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
    bed(c, 960, 430, 320, duvet=p.BLUE, pattern=p.BLUE_PALE, head_right=True, frame=p.WOOD_LIGHT)
    drum_kit(c, 200, 548, 62, p.BLUE_DEEP)
    vignette(c)
    floor_shade(c, 560)


SCENES = {
    "charlie_bedroom": charlie_bedroom,
}
