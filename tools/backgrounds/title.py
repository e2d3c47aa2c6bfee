"""The title screen's picture: an autumn afternoon, a bench under a big tree, leaves in the air.

Why it exists: it is the first thing a player sees, so it carries the game's whole mood in one image:
warm autumn light, falling leaves, a blue scarf and a yellow one left together on the bench (Charlie and
Nick, without drawing anyone), and the left third kept open and quiet for the menu.
"""

from __future__ import annotations

from . import palette as p
from .furniture import bench
from .light import floor_shade, glow, sky, vignette
from .nature import bush, cloud, grass_tufts, hills, leaf, scatter_leaves, tree
from .shapes import circle, poly, smooth
from .svg import Canvas


def _scarf(c: Canvas, pts: list[tuple[float, float]], colour: str, stripe: str) -> None:
    """A knitted scarf draped along a curve: a thick soft band with a stripe and fringed ends."""
    smooth(c, pts, width=22.0, stroke_opacity=0.85)
    smooth(c, pts, colour=colour, width=17.0, stroke_opacity=1)
    smooth(c, pts, colour=stripe, width=4.0, stroke_opacity=0.9)
    for ex, ey in (pts[0], pts[-1]):
        for k in range(4):
            poly(c, [(ex - 8 + k * 5, ey), (ex - 6 + k * 5, ey), (ex - 7 + k * 5, ey + 14)], colour, width=1.5, wob=0)


def title(c: Canvas) -> None:
    """The title picture (see the module docstring)."""
    sky(c, ["#f3c9a0", "#f7dcb8", "#fbeedb"], h=470)
    glow(c, 330, 300, 420, "#fff2d6", 0.55)
    circle(c, 330, 300, 46, "#fff4df", line=False, opacity=0.9)
    cloud(c, 120, 130, 200, colour="#fff6ea", opacity=0.8)
    cloud(c, 560, 80, 160, colour="#fff6ea", opacity=0.7)
    hills(c, 400, 26, "#e3c39a", line=False, bumps=3)
    hills(c, 440, 18, "#d4b98b", line=False, bumps=4)
    tree(c, 600, 450, 90, colours=(p.MUSTARD, p.YELLOW_SOFT, p.ORANGE), spread=0.8, lumps=7)
    grass = c.linear(0, 450, 0, 720, [(0, "#c5c98f"), (1, "#a7ad72")])
    hills(c, 470, 12, "#c5c98f", line=False, bumps=3)
    c.el("rect", x=0, y=478, width=1280, height=242, fill=grass, stroke="none")
    # A path curving away under the tree.
    c.el(
        "path",
        d="M700 720Q820 600 900 540Q980 496 1120 500Q1040 530 980 566Q900 620 860 720Z",
        fill="#ead7b5",
        stroke_width=2.5,
    )
    # The big tree at the right; its canopy fills the top-right corner.
    tree(c, 1060, 560, 600, colours=(p.ORANGE, p.YELLOW, p.RUST), spread=1.15, lumps=11)
    bush(c, 1150, 560, 160, "#9fae6a", dots=p.ORANGE)
    # The bench under it with the two scarves.
    bench(c, 780, 560, 250, p.WOOD)
    _scarf(c, [(812, 440), (850, 452), (900, 446), (950, 458), (990, 452)], p.BLUE, p.WHITE)
    _scarf(c, [(840, 496), (880, 488), (930, 498), (960, 492), (1000, 500)], p.YELLOW, p.WHITE)
    grass_tufts(c, 420, 490, 860, 220, 50, "#8c9a5c")
    # Leaves on the ground under the tree and drifting across the sky.
    scatter_leaves(c, 640, 520, 640, 190, 60, size=(8, 13))
    scatter_leaves(c, 500, 600, 300, 110, 12, size=(8, 12))
    for k in range(14):
        x = 480 + k * 55 + c.jitter(25)
        y = 80 + (k % 5) * 70 + c.jitter(30)
        leaf(c, x, y, c.rng.uniform(9, 14), c.rng.uniform(0, 360), c.rng.choice(p.AUTUMN))
    leaf(c, 700, 300, 16, 30, p.BLUE)
    leaf(c, 740, 330, 16, 200, p.YELLOW)
    vignette(c, 0.2)
    floor_shade(c, 600, strength=0.12)


SCENES = {
    "title": title,
}
