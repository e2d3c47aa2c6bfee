"""Light and air: skies, walls and floors as soft gradients, glows, beams and a gentle vignette.

Why it exists: the flat pastel fills only feel lit because of a few broad gradients laid over them.
Every scene uses the same handful (a sky ramp, a wall washed from one side, a floor that darkens towards
the viewer, pools of lamp light), so the lighting is consistent from bedroom to Paris.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import palette as p
from .shapes import flat_rect, wobble_d
from .svg import HEIGHT, WIDTH, Canvas, Point, Stop, num
from .variants import glow_strength, sky_colours


def sky(c: Canvas, colours: Sequence[str], *, y: float = 0, h: float = HEIGHT) -> None:
    """A full-width sky ramp from the first colour at the top to the last at the horizon (a variant's sky takes
    the colours of its time of day)."""
    colours = sky_colours(c, colours)
    n = len(colours) - 1
    stops = [(i / n, col) for i, col in enumerate(colours)]
    flat_rect(c, 0, y, WIDTH, h, c.linear(0, y, 0, y + h, stops))


def vertical(c: Canvas, x: float, y: float, w: float, h: float, top: str, bottom: str, **extra: object) -> None:
    """A rectangle shaded top to bottom (walls, floors, water)."""
    flat_rect(c, x, y, w, h, c.linear(0, y, 0, y + h, [(0, top), (1, bottom)]), **extra)


def horizontal(c: Canvas, x: float, y: float, w: float, h: float, left: str, right: str, **extra: object) -> None:
    """A rectangle shaded left to right (a wall lit from a window at one side)."""
    flat_rect(c, x, y, w, h, c.linear(x, 0, x + w, 0, [(0, left), (1, right)]), **extra)


def wash(
    c: Canvas,
    x: float,
    y: float,
    w: float,
    h: float,
    colour: str,
    *,
    start: Point,
    end: Point,
    strength: float = 0.35,
) -> None:
    """A transparent coloured overlay fading from `start` to `end`: sunlight across a wall."""
    fill = c.linear(*start, *end, [(0, colour, strength), (1, colour, 0)])
    flat_rect(c, x, y, w, h, fill)


def glow(
    c: Canvas,
    cx: float,
    cy: float,
    r: float,
    colour: str = p.GLOW,
    strength: float = 0.6,
    *,
    squash: float = 1.0,
) -> None:
    """A soft round pool of light (lamps, fairy lights, the sun) fading to nothing at radius `r`.

    The gradient is centred on the origin and the ellipse moved into place with a transform (which
    nanosvg applies to userSpaceOnUse gradients too), so every glow of one size and colour shares a
    single gradient definition: a string of forty bulbs costs one `<radialGradient>`, not forty.
    """
    strength = glow_strength(c, strength)
    stops: list[Stop] = [(0, colour, strength), (0.4, colour, strength * 0.45), (1, colour, 0)]
    fill = c.radial(0, 0, r, stops)
    move = f"translate({num(cx)} {num(cy)})" + ("" if squash == 1.0 else f" scale(1 {squash:g})")
    c.el("circle", cx=0, cy=0, r=float(r), fill=fill, stroke="none", transform=move)


def beam(
    c: Canvas,
    pts: Sequence[Point],
    start: Point,
    end: Point,
    colour: str = p.WHITE,
    strength: float = 0.35,
) -> None:
    """A shaft of light: a polygon fading from `start` to `end` (window light, spotlights)."""
    fill = c.linear(*start, *end, [(0, colour, strength), (1, colour, 0)])
    c.el("path", d=wobble_d(c, pts, wob=0), fill=fill, stroke="none")


def vignette(c: Canvas, strength: float = 0.22, colour: str = p.SHADOW) -> None:
    """Darken the corners a little so the eye rests on the calm middle where characters stand."""
    stops: list[Stop] = [(0, colour, 0), (0.62, colour, 0), (1, colour, strength)]
    fill = c.radial(WIDTH / 2, HEIGHT * 0.45, WIDTH * 0.62, stops, squash=0.78)
    flat_rect(c, 0, 0, WIDTH, HEIGHT, fill)


def floor_shade(c: Canvas, y: float, colour: str = p.SHADOW, strength: float = 0.18) -> None:
    """Deepen the bottom of the frame towards the viewer (under the dialogue box)."""
    fill = c.linear(0, y, 0, HEIGHT, [(0, colour, 0), (1, colour, strength)])
    flat_rect(c, 0, y, WIDTH, HEIGHT - y, fill)
