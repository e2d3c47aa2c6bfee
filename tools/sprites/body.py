"""The shared figure under every outfit: neck, shoulders, arms and chest, bottom-aligned to the frame.

Why it exists: every character stands the same way (waist-up, facing us, arms at their sides), so the
silhouette is computed once from a few measurements (`Build`) and the outfits only colour and decorate
it. `Body` also answers where its own edges are at a given height, so stripes and patterns drawn by the
clothes stay inside the figure without clip paths (which nanosvg does not support).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from .geometry import Path, Point, cubic, poly
from .palette import darker, lighter
from .svg import HEIGHT, WIDTH, Sprite

CX = WIDTH / 2
BOTTOM = HEIGHT + 4  # drawn a little past the frame so no outline shows along the bottom edge
CHIN = 96.0  # the chin's distance below the eye line, in head coordinates


@dataclass(frozen=True)
class Build:
    """How a character is built.

    eye_y: height of the eye line on the canvas (smaller = taller; adults stand higher than Year 10s).
    shoulders: half the width across the shoulder tips.
    neck: half the width of the neck.
    face: half the width of the face at the cheekbones.
    jaw: extra length of the jaw below the standard chin (adults have a longer face).
    """

    eye_y: float
    shoulders: float = 134.0
    neck: float = 21.0
    face: float = 76.0
    jaw: float = 0.0


class Body:
    """The figure's measurements on the canvas, derived from a `Build`."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.cx = CX
        self.eye_y = build.eye_y
        self.chin_y = build.eye_y + CHIN + build.jaw
        self.neck_base = self.chin_y + 28 + build.jaw * 0.5
        self.sw = build.shoulders
        self.neck_w = build.neck

    # -- silhouette ------------------------------------------------------------------------------

    def _left_segments(self) -> list[tuple[Point, Point, Point, Point]]:
        cx, nb, sw, nw = self.cx, self.neck_base, self.sw, self.neck_w
        n = (cx - nw - 8, nb - 4)
        slope = (cx - sw + 34, nb + 16)
        tip = (cx - sw, nb + 62)
        return [
            (n, (cx - nw - 30, nb + 4), (cx - sw + 70, nb + 8), slope),
            (slope, (cx - sw + 12, nb + 20), (cx - sw + 1, nb + 38), tip),
            (tip, (cx - sw - 3, nb + 150), (cx - sw - 14, 560), (cx - sw - 12, BOTTOM)),
        ]

    @cached_property
    def outline(self) -> list[Point]:
        """The silhouette as a polygon, left neck point round to the right neck point."""
        left: list[Point] = []
        for seg in self._left_segments():
            left.extend(cubic(*seg, steps=16)[:-1] if left else cubic(*seg, steps=16))
        right = [(2 * self.cx - x, y) for x, y in reversed(left)]
        return left + right

    def path(self) -> str:
        """Path data of the silhouette, closed across the neck by a crew-neck curve."""
        p = Path()
        segs = self._left_segments()
        p.M(*segs[0][0])
        for _, c1, c2, end in segs:
            p.C(*c1, *c2, *end)
        m = [(2 * self.cx - x, y) for x, y in (pt for seg in segs for pt in seg)]
        # right side, walked upwards: reverse each segment and the order of segments
        p.L(m[-1][0], m[-1][1])
        for i in range(len(segs) - 1, -1, -1):
            p0, c1, c2, _ = m[4 * i : 4 * i + 4]
            p.C(*c2, *c1, *p0)
        left_n = segs[0][0]
        p.C(self.cx + self.neck_w, self.neck_base + 16, self.cx - self.neck_w, self.neck_base + 16, *left_n)
        return str(p.Z())

    def edges_at(self, y: float) -> tuple[float, float]:
        """Left and right x of the silhouette at height y (inside the shoulders' span)."""
        left = self.outline[: len(self.outline) // 2]
        best = left[-1][0]
        for (x1, y1), (x2, y2) in pairwise(left):
            if y1 <= y <= y2 and y2 > y1:
                best = x1 + (x2 - x1) * (y - y1) / (y2 - y1)
                break
        return best, 2 * self.cx - best

    @property
    def armpit_y(self) -> float:
        return self.neck_base + 110

    def seam(self, side: int) -> list[Point]:
        """The line where the arm meets the chest on one side (-1 left, +1 right), top to bottom."""
        top = self.armpit_y - 34
        return [(self.seam_x(side, top + (BOTTOM - top) * i / 20), top + (BOTTOM - top) * i / 20) for i in range(21)]

    def seam_x(self, side: int, y: float) -> float:
        """Where the arm meets the chest on one side (-1 left, +1 right) at height y."""
        t = (y - self.armpit_y) / (BOTTOM - self.armpit_y)
        bulge = 6.0 * (1 - t) * t * 4 if t > 0 else 4.0 * t
        return self.cx + side * (self.sw - 40 - 16 * t + bulge)


def draw_neck(sprite: Sprite, body: Body, skin: str) -> None:
    """The neck, with the soft shadow the chin casts on it."""
    cx, nw = body.cx, body.neck_w
    top, bottom = body.chin_y - 40, body.neck_base + 24
    p = Path().M(cx - nw, top).C(cx - nw, top + 40, cx - nw - 2, bottom - 20, cx - nw - 4, bottom)
    p.L(cx + nw + 4, bottom).C(cx + nw + 2, bottom - 20, cx + nw, top + 40, cx + nw, top).Z()
    grad = sprite.linear(cx, top, cx, bottom, [(0, darker(skin, 0.12)), (1, skin)])
    sprite.path(str(p), fill=grad)
    shadow = Path().M(cx - nw - 1, body.chin_y - 14).Q(cx, body.chin_y + 30, cx + nw + 1, body.chin_y - 14).Z()
    sprite.shade(str(shadow), darker(skin, 0.35), 0.45)


def draw_torso(sprite: Sprite, body: Body, colour: str, *, seams: bool = True) -> None:
    """The clothed silhouette in one colour, shaded, with the lines where the arms meet the chest."""
    cx, sw, nb = body.cx, body.sw, body.neck_base
    grad = sprite.linear(
        cx - sw, nb, cx + sw * 0.7, HEIGHT, [(0, lighter(colour, 0.14)), (0.55, colour), (1, darker(colour, 0.1))]
    )
    sprite.path(body.path(), fill=grad)
    if not seams:
        return
    for side in (-1, 1):
        seam = body.seam(side)
        half = body.outline[: len(body.outline) // 2] if side < 0 else body.outline[len(body.outline) // 2 :]
        arm = [pt for pt in half if pt[1] >= seam[0][1]]
        arm.sort(key=lambda pt: -pt[1])
        sprite.shade(poly(seam + arm), darker(colour, 0.4), 0.16)
        sprite.line(poly(seam, closed=False), 2.6)
        # two soft creases where the sleeve bends at the elbow
        x = body.seam_x(side, 600) + side * 12
        for k, y in enumerate((596.0, 616.0)):
            crease = Path(ox=x, oy=y, sx=side).M(0, 0).Q(14, -6 + 3 * k, 26 - 6 * k, 2)
            sprite.line(str(crease), 2.0, darker(colour, 0.35), opacity=0.7)
