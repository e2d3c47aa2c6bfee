"""Eyes, brows, mouths and the little comic marks around a face, drawn from a `Face` description.

Why it exists: an expression is a handful of numbers and names (how far the lids drop, where the eyes
look, how the brows tilt, which mouth) and this module turns them into shapes in head coordinates, the
same way on every character. Eyelids cut the eye shape by polygon clipping because nanosvg has no clip
paths.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from .geometry import Path, Point, area, clip_convex, clip_half_plane, ellipse, poly, smooth
from .palette import BLUSH, EYE_WHITE, INK_SOFT, MOUTH, TEAR, TEETH, TONGUE, darker, lighter
from .svg import INK, Sprite

EYE_X = 33.0  # distance of each eye centre from the middle of the face
EYE_Y = 2.0
MOUTH_Y = 60.0


@dataclass(frozen=True)
class Eyes:
    """One eye's pose.

    shape: "open", or a closed shape: "smile" (happy arcs), "soft" (relaxed, lashes down), "squeeze" (> <).
    lid: how far the upper lid drops, 0 open .. 1 shut. tilt: + droops the outer corner (sad), - the
    inner corner (cross). lower: how far the lower lid rises (smiling cheeks, squint). look: where the
    iris points. size: the eye opening (wide > 1). iris: iris size (small = shocked).
    """

    shape: str = "open"
    lid: float = 0.1
    tilt: float = 0.0
    lower: float = 0.0
    look: Point = (0.0, 0.0)
    size: float = 1.0
    iris: float = 1.0


@dataclass(frozen=True)
class Brow:
    """One brow's pose: vertical shift of the inner and outer ends (negative is up) and extra arch."""

    inner: float = 0.0
    outer: float = 0.0
    arch: float = 0.0


@dataclass(frozen=True)
class Face:
    """A whole expression. `right_eye`/`right_brow` default to mirroring the left ones."""

    eyes: Eyes = Eyes()
    brow: Brow = Brow()
    mouth: str = "calm"
    blush: float = 0.18
    extras: tuple[str, ...] = ()
    right_eye: Eyes | None = None
    right_brow: Brow | None = None
    mouth_x: float = 0.0
    notes: str = field(default="", compare=False)


@dataclass(frozen=True)
class Features:
    """What a character's face brings to every expression."""

    iris: str
    brow: str
    skin: str
    lashes: bool = False
    brow_width: float = 5.5


def draw_face(sprite: Sprite, face: Face, feats: Features) -> None:
    """Draw an expression in head coordinates (blush first, marks last)."""
    _blush(sprite, face.blush, "blush_lines" in face.extras)
    for side in (-1, 1):
        eyes = face.right_eye if side == 1 and face.right_eye else face.eyes
        brow = face.right_brow if side == 1 and face.right_brow else face.brow
        _eye(sprite, side, eyes, feats)
        _brow(sprite, side, brow, feats)
    MOUTHS[face.mouth](sprite, face.mouth_x, feats)
    for extra in face.extras:
        if extra != "blush_lines":
            EXTRAS[extra](sprite, feats)


# -- eyes -----------------------------------------------------------------------------------------


def _eye(sprite: Sprite, side: int, eye: Eyes, feats: Features) -> None:
    ex, ey = side * EYE_X, EYE_Y
    if eye.shape != "open" or eye.lid >= 0.88:
        _closed_eye(sprite, side, eye, feats)
        return
    rx, ry = 15.0 * eye.size, 17.5 * eye.size
    shape = ellipse(ex, ey, rx, ry, 48)
    # upper lid: a straight cut; tilt lowers the outer (+) or inner (-) corner
    top = ey - ry + eye.lid * 2 * ry
    inner_x, outer_x = ex - side * rx * 1.6, ex + side * rx * 1.6
    tilt = eye.tilt * ry * 0.7
    a, b = (inner_x, top - tilt), (outer_x, top + tilt)
    if side == -1:
        a, b = b, a  # keep the line directed left to right, so "below" is kept
    shape = clip_half_plane(shape, a, b)
    if eye.lower > 0:
        low = ey + ry - eye.lower * 2 * ry
        shape = clip_half_plane(shape, (ex + 40, low), (ex - 40, low))
    if area(shape) < 20:
        _closed_eye(sprite, side, Eyes(shape="soft"), feats)
        return
    sprite.el("path", d=poly(shape), fill=EYE_WHITE, stroke="none")
    # a soft shadow of the upper lid across the white
    lid_shade = clip_convex(ellipse(ex, top - ry * 0.15 - (tilt * side), rx * 1.3, ry * 0.55, 32), shape)
    if area(lid_shade) > 4:
        sprite.shade(poly(lid_shade), "#b9a7c6", 0.45)
    ix, iy = ex + eye.look[0], ey + 1.5 + eye.look[1]
    r = 11.8 * eye.iris * min(eye.size, 1.05)
    iris = clip_convex(ellipse(ix, iy, r, r * 1.08, 36), shape)
    if area(iris) > 4:
        grad = sprite.linear(
            0, iy - r, 0, iy + r, [(0, darker(feats.iris, 0.35)), (0.55, feats.iris), (1, lighter(feats.iris, 0.35))]
        )
        sprite.el("path", d=poly(iris), fill=grad, stroke=darker(feats.iris, 0.55), stroke_width=1.5)
        pupil = clip_convex(ellipse(ix, iy, r * 0.48, r * 0.52, 24), shape)
        if area(pupil) > 2:
            sprite.el("path", d=poly(pupil), fill="#2a1e2c", stroke="none")
        for hx, hy, hr in ((-0.38, -0.4, 0.34), (0.42, 0.42, 0.17)):
            cx, cy, cr = ix + hx * r, iy + hy * r, max(1.4, hr * r)
            if _inside(shape, (cx, cy)):
                sprite.el("circle", cx=cx, cy=cy, r=cr, fill="#ffffff", stroke="none")
    # the lash line along the top edge, heavier than the rest of the outline
    upper = _upper_edge(shape)
    if feats.lashes:
        ox, oy = upper[-1] if side == 1 else upper[0]
        flick = (ox + side * 6, oy - 6)
        upper = [*upper, flick] if side == 1 else [flick, *upper]
    sprite.line(poly(upper, closed=False), 4.2)
    lower = _lower_edge(shape)
    if len(lower) > 2:
        mid = lower[len(lower) // 4 : len(lower) - len(lower) // 4]
        sprite.line(poly(mid, closed=False), 2.0, darker(feats.skin, 0.45))


def _inside(shape: list[Point], p: Point) -> bool:
    return area(clip_convex(ellipse(p[0], p[1], 0.8, 0.8, 6), shape)) > 1.0


def _upper_edge(shape: list[Point]) -> list[Point]:
    """The top boundary of a clipped eye, left to right."""
    left = min(range(len(shape)), key=lambda i: (shape[i][0], shape[i][1]))
    right = max(range(len(shape)), key=lambda i: (shape[i][0], -shape[i][1]))
    out = []
    i = left
    while True:
        out.append(shape[i])
        if i == right:
            break
        i = (i + 1) % len(shape)
    # the polygon winds clockwise from the right, so walking forward from the left goes over the top
    return out


def _lower_edge(shape: list[Point]) -> list[Point]:
    right = max(range(len(shape)), key=lambda i: (shape[i][0], -shape[i][1]))
    left = min(range(len(shape)), key=lambda i: (shape[i][0], shape[i][1]))
    out = []
    i = right
    while True:
        out.append(shape[i])
        if i == left:
            break
        i = (i + 1) % len(shape)
    return out


def _closed_eye(sprite: Sprite, side: int, eye: Eyes, feats: Features) -> None:
    ex, ey = side * EYE_X, EYE_Y
    p = Path(ox=ex, oy=ey)
    if eye.shape == "smile":
        p.M(-14, 6).Q(0, -12, 14, 6)
    elif eye.shape == "squeeze":
        p = Path(ox=ex, oy=ey, sx=-side)
        p.M(-12, -10).L(9, 0).L(-12, 10)
    else:  # soft: a relaxed closed lid curving down, with a lash or two at the outer corner
        p.M(-14, 0).Q(0, 12, 14, 0)
        lash = Path(ox=ex, oy=ey, sx=side).M(12, 2).L(18, 7)
        sprite.line(str(lash), 2.6)
    sprite.line(str(p), 4.0)
    if feats.lashes and eye.shape == "soft":
        sprite.line(str(Path(ox=ex, oy=ey, sx=side).M(6, 7).L(9, 12)), 2.2)


# -- brows ----------------------------------------------------------------------------------------


def _brow(sprite: Sprite, side: int, brow: Brow, feats: Features) -> None:
    p = Path(sx=side)
    inner = (14.0, -29.0 + brow.inner)
    outer = (53.0, -30.0 + brow.outer)
    ctrl = (32.0, -39.0 + (brow.inner + brow.outer) / 2 - brow.arch)
    p.M(*inner).Q(*ctrl, *outer)
    # a skin-coloured halo first, so brows stay readable where a fringe lies behind them
    sprite.line(str(p), feats.brow_width + 4, feats.skin)
    sprite.line(str(p), feats.brow_width, feats.brow)


# -- blush and mouths ------------------------------------------------------------------------------


def _blush(sprite: Sprite, amount: float, lines: bool) -> None:
    if amount <= 0.18:
        return  # the head already carries a faint permanent blush
    for side in (-1, 1):
        sprite.el("ellipse", cx=side * 47.0, cy=30.0, rx=17.0, ry=9.0, fill=BLUSH, stroke="none", opacity=amount * 0.8)
        if lines:
            for k in range(3):
                x = side * (38 + 8 * k)
                sprite.line(str(Path().M(x + 3, 25).L(x - 3, 35)), 2.0, darker(BLUSH, 0.2))


def _open_mouth(sprite: Sprite, d: str, *, teeth: str = "", tongue: str = "") -> None:
    sprite.path(d, fill=MOUTH, stroke="none")
    if tongue:
        sprite.path(tongue, fill=TONGUE, stroke="none")
    if teeth:
        sprite.path(teeth, fill=TEETH, stroke="none")
    sprite.path(d, stroke_width=3.0)


def _calm(sprite: Sprite, x: float, feats: Features) -> None:
    sprite.line(str(Path(ox=x).M(-11, MOUTH_Y - 1).Q(0, MOUTH_Y + 5, 11, MOUTH_Y - 1)), 3.0)


def _smile(sprite: Sprite, x: float, feats: Features) -> None:
    sprite.line(str(Path(ox=x).M(-18, MOUTH_Y - 5).Q(0, MOUTH_Y + 11, 18, MOUTH_Y - 5)), 3.2)
    for side in (-1, 1):
        sprite.line(str(Path(ox=x, sx=side).M(16, MOUTH_Y - 8).Q(20, MOUTH_Y - 5, 19, MOUTH_Y - 1)), 2.2)


def _small_smile(sprite: Sprite, x: float, feats: Features) -> None:
    sprite.line(str(Path(ox=x).M(-11, MOUTH_Y - 2).Q(0, MOUTH_Y + 6, 11, MOUTH_Y - 2)), 3.0)


def _shy_smile(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-12, MOUTH_Y).Q(-6, MOUTH_Y + 3, -1, MOUTH_Y + 1).Q(5, MOUTH_Y + 4, 11, MOUTH_Y - 2)
    sprite.line(str(p), 3.0)


def _flat(sprite: Sprite, x: float, feats: Features) -> None:
    sprite.line(str(Path(ox=x).M(-13, MOUTH_Y + 1).L(13, MOUTH_Y + 1)), 3.0)


def _pressed(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-15, MOUTH_Y + 4).Q(-10, MOUTH_Y, 0, MOUTH_Y + 0.5).Q(10, MOUTH_Y, 15, MOUTH_Y + 4)
    sprite.line(str(p), 3.2)


def _frown(sprite: Sprite, x: float, feats: Features) -> None:
    sprite.line(str(Path(ox=x).M(-13, MOUTH_Y + 6).Q(0, MOUTH_Y - 3, 13, MOUTH_Y + 6)), 3.0)


def _wobble(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-14, MOUTH_Y + 7).Q(-9, MOUTH_Y + 1, -4, MOUTH_Y + 3).Q(0, MOUTH_Y + 5, 4, MOUTH_Y + 2)
    p.Q(9, MOUTH_Y + 1, 14, MOUTH_Y + 7)
    sprite.line(str(p), 3.0)


def _open_smile(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 6
    d = str(Path(ox=x).M(-21, y).Q(0, y + 7, 21, y).Q(18, y + 26, 0, y + 26).Q(-18, y + 26, -21, y).Z())
    tongue = str(
        Path(ox=x).M(-12, y + 20).Q(0, y + 11, 12, y + 20).Q(7, y + 25.5, 0, y + 25.5).Q(-7, y + 25.5, -12, y + 20).Z()
    )
    teeth = str(Path(ox=x).M(-19, y + 1.5).Q(0, y + 8, 19, y + 1.5).L(17, y + 5).Q(0, y + 11, -17, y + 5).Z())
    _open_mouth(sprite, d, teeth=teeth, tongue=tongue)


def _hopeful(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 4
    d = str(Path(ox=x).M(-13, y).Q(0, y + 4, 13, y).Q(10, y + 15, 0, y + 15).Q(-10, y + 15, -13, y).Z())
    tongue = str(
        Path(ox=x).M(-7, y + 11).Q(0, y + 6, 7, y + 11).Q(4, y + 14.5, 0, y + 14.5).Q(-4, y + 14.5, -7, y + 11).Z()
    )
    _open_mouth(sprite, d, tongue=tongue)


def _grin(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 7
    d = str(Path(ox=x).M(-25, y + 2).Q(0, y + 10, 28, y - 3).Q(22, y + 24, 2, y + 24).Q(-18, y + 24, -25, y + 2).Z())
    teeth = str(Path(ox=x).M(-22, y + 3.5).Q(0, y + 11, 25, y - 1).L(22, y + 6).Q(0, y + 17, -19, y + 9).Z())
    tongue = str(Path(ox=x).M(-8, y + 21).Q(2, y + 15, 12, y + 20).Q(6, y + 23.5, 0, y + 23.5).Z())
    _open_mouth(sprite, d, teeth=teeth, tongue=tongue)
    sprite.line(str(Path(ox=x).M(27, y - 7).Q(31, y - 3, 30, y + 1)), 2.4)
    sprite.line(str(Path(ox=x).M(-27, y - 1).Q(-30, y + 2, -28, y + 6)), 2.4)


def _o(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y + 4
    d = str(
        Path(ox=x)
        .M(0, y - 10)
        .C(7, y - 10, 9, y - 3, 9, y + 1)
        .C(9, y + 7, 5, y + 10, 0, y + 10)
        .C(-5, y + 10, -9, y + 7, -9, y + 1)
        .C(-9, y - 3, -7, y - 10, 0, y - 10)
        .Z()
    )
    tongue = str(Path(ox=x).M(-6, y + 6).Q(0, y + 2, 6, y + 6).Q(3, y + 9.5, 0, y + 9.5).Q(-3, y + 9.5, -6, y + 6).Z())
    _open_mouth(sprite, d, tongue=tongue)


def _shout(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 8
    d = str(Path(ox=x).M(-22, y + 2).Q(0, y - 6, 22, y + 2).Q(24, y + 30, 0, y + 31).Q(-24, y + 30, -22, y + 2).Z())
    teeth = str(Path(ox=x).M(-20, y + 2.5).Q(0, y - 4, 20, y + 2.5).L(19, y + 7).Q(0, y + 1, -19, y + 7).Z())
    tongue = str(
        Path(ox=x).M(-13, y + 25).Q(0, y + 16, 13, y + 25).Q(7, y + 30.5, 0, y + 30.5).Q(-7, y + 30.5, -13, y + 25).Z()
    )
    _open_mouth(sprite, d, teeth=teeth, tongue=tongue)


def _wail(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 8
    d = str(
        Path(ox=x)
        .M(-24, y + 4)
        .Q(-12, y - 3, 0, y + 2)
        .Q(12, y - 3, 24, y + 4)
        .Q(22, y + 36, 0, y + 36)
        .Q(-22, y + 36, -24, y + 4)
        .Z()
    )
    tongue = str(
        Path(ox=x).M(-15, y + 28).Q(0, y + 16, 15, y + 28).Q(9, y + 35.5, 0, y + 35.5).Q(-9, y + 35.5, -15, y + 28).Z()
    )
    _open_mouth(sprite, d, tongue=tongue)


def _smirk(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-13, MOUTH_Y + 2).Q(2, MOUTH_Y + 5, 16, MOUTH_Y - 6)
    sprite.line(str(p), 3.2)
    sprite.line(str(Path(ox=x).M(14, MOUTH_Y - 9).Q(19, MOUTH_Y - 6, 18, MOUTH_Y - 2)), 2.2)


def _smug(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-16, MOUTH_Y - 2).Q(-2, MOUTH_Y + 8, 17, MOUTH_Y - 7)
    sprite.line(str(p), 3.2)
    sprite.line(str(Path(ox=x).M(15, MOUTH_Y - 10).Q(20, MOUTH_Y - 7, 19, MOUTH_Y - 3)), 2.2)
    sprite.line(str(Path(ox=x).M(-18, MOUTH_Y - 4).Q(-20, MOUTH_Y - 1, -18, MOUTH_Y + 1)), 2.0)


def _sneer(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y
    d = str(
        Path(ox=x)
        .M(-15, y + 3)
        .Q(-2, y + 1, 6, y - 2)
        .Q(12, y - 6, 18, y - 3)
        .Q(14, y + 5, 4, y + 5)
        .Q(-6, y + 5, -15, y + 3)
        .Z()
    )
    teeth = str(Path(ox=x).M(2, y - 0.5).Q(10, y - 4.5, 16, y - 2.5).L(13, y + 1.5).Q(8, y + 1, 3, y + 2).Z())
    _open_mouth(sprite, d, teeth=teeth)


def _pout(sprite: Sprite, x: float, feats: Features) -> None:
    p = Path(ox=x).M(-3, MOUTH_Y + 2).Q(5, MOUTH_Y - 3, 14, MOUTH_Y + 1)
    sprite.line(str(p), 3.0)
    sprite.line(str(Path(ox=x).M(1, MOUTH_Y + 7).Q(6, MOUTH_Y + 9, 10, MOUTH_Y + 7)), 2.0, darker(feats.skin, 0.4))


def _warm(sprite: Sprite, x: float, feats: Features) -> None:
    y = MOUTH_Y - 5
    d = str(Path(ox=x).M(-19, y).Q(0, y + 6, 19, y).Q(14, y + 14, 0, y + 14).Q(-14, y + 14, -19, y).Z())
    teeth = str(Path(ox=x).M(-17, y + 1.2).Q(0, y + 7, 17, y + 1.2).L(15, y + 5.5).Q(0, y + 11, -15, y + 5.5).Z())
    _open_mouth(sprite, d, teeth=teeth)


MOUTHS: dict[str, Callable[[Sprite, float, Features], None]] = {
    "calm": _calm,
    "smile": _smile,
    "small_smile": _small_smile,
    "shy_smile": _shy_smile,
    "flat": _flat,
    "pressed": _pressed,
    "frown": _frown,
    "wobble": _wobble,
    "open_smile": _open_smile,
    "hopeful": _hopeful,
    "grin": _grin,
    "o": _o,
    "shout": _shout,
    "wail": _wail,
    "smirk": _smirk,
    "smug": _smug,
    "sneer": _sneer,
    "pout": _pout,
    "warm": _warm,
}


# -- marks around the face ------------------------------------------------------------------------


def _star(cx: float, cy: float, r: float) -> str:
    pts = []
    for i in range(8):
        rad = r if i % 2 == 0 else r * 0.32
        ang = i * math.pi / 4
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    return smooth(pts, tension=0.15)


def _sparkles(sprite: Sprite, feats: Features) -> None:
    for cx, cy, r in ((104, -92, 13), (124, -58, 7), (-110, -80, 9)):
        sprite.path(_star(cx, cy, r), fill="#fff3a8", stroke_width=2.2)


def _tears(sprite: Sprite, feats: Features) -> None:
    for side in (-1, 1):
        ex = side * (EYE_X + 6)
        p = Path(ox=ex, oy=EYE_Y + 20).M(0, 0).C(4, 6, 6, 10, 6, 13).C(6, 17, -6, 17, -6, 13).C(-6, 10, -4, 6, 0, 0)
        sprite.path(str(p.Z()), fill=TEAR, stroke_width=2.0)


def _welling(sprite: Sprite, feats: Features) -> None:
    for side in (-1, 1):
        p = Path(ox=side * EYE_X, oy=EYE_Y, sx=side).M(-10, 14).Q(0, 19, 11, 12)
        sprite.line(str(p), 3.0, TEAR)


def _sweat(sprite: Sprite, feats: Features) -> None:
    p = Path(ox=84, oy=-42).M(0, 0).C(5, 7, 8, 12, 8, 16).C(8, 21, -8, 21, -8, 16).C(-8, 12, -5, 7, 0, 0)
    sprite.path(str(p.Z()), fill=TEAR, stroke_width=2.2)
    sprite.line("M82 -28Q80 -25 81 -22", 1.8, "#ffffff")


def _hearts(sprite: Sprite, feats: Features) -> None:
    for cx, cy, s in ((108, -80, 1.0), (128, -112, 0.65)):
        p = Path(ox=cx, oy=cy).M(0, 10 * s).C(-14 * s, 0, -11 * s, -12 * s, 0, -5 * s)
        p.C(11 * s, -12 * s, 14 * s, 0, 0, 10 * s)
        sprite.path(str(p.Z()), fill="#f6a3c0", stroke_width=2.2)


def _anger(sprite: Sprite, feats: Features) -> None:
    ox, oy = 62, -70
    for sx in (-1, 1):
        for sy in (-1, 1):
            p = Path(ox=ox + sx * 4, oy=oy + sy * 4).M(sx * 8, sy * 1.5).Q(sx * 2, sy * 2, sy * 0 + sx * 1.5, sy * 8)
            sprite.line(str(p), 3.2, "#d9455f")


def _steam(sprite: Sprite, feats: Features) -> None:
    for side in (-1, 1):
        p = Path(ox=side * 112, oy=-40, sx=side)
        p.M(0, 0).C(-6, -10, 8, -14, 6, -24).C(16, -26, 22, -14, 16, -8).C(22, 0, 10, 8, 0, 0)
        sprite.path(str(p.Z()), fill="#f4f1f6", stroke_width=2.2)


def _drama(sprite: Sprite, feats: Features) -> None:
    for side in (-1, 1):
        for k, (y, length) in enumerate(((-60, 22), (-28, 28), (4, 20))):
            x = side * (104 + 6 * (k == 1))
            sprite.line(str(Path(ox=x, oy=y, sx=side).M(0, 0).L(length, -8 + 8 * k)), 3.0)


def _dots(sprite: Sprite, feats: Features) -> None:
    for cx, cy, r in ((96, -78, 4.5), (112, -96, 6.0), (132, -120, 8.0)):
        sprite.el("circle", cx=float(cx), cy=float(cy), r=r, fill="#ffffff", stroke_width=2.2)


def _note(sprite: Sprite, feats: Features) -> None:
    sprite.el("ellipse", cx=108.0, cy=-58.0, rx=7.0, ry=5.5, fill=INK, stroke="none")
    sprite.line("M114 -58L114 -90Q122 -86 126 -78", 3.0)
    sprite.el("ellipse", cx=-118.0, cy=-86.0, rx=5.0, ry=4.0, fill=INK, stroke="none")
    sprite.line("M-113.5 -86L-113.5 -106", 2.6)


def _nose_wrinkle(sprite: Sprite, feats: Features) -> None:
    sprite.line("M14 24Q18 22 20 26", 2.2, darker(feats.skin, 0.45))
    sprite.line("M13 30Q17 29 19 32", 2.0, darker(feats.skin, 0.45))


def _gloom(sprite: Sprite, feats: Features) -> None:
    for k in range(4):
        x = -30 + 20 * k
        sprite.line(str(Path().M(x, -70).L(x, -48 + 4 * (k % 2))), 2.4, INK_SOFT, opacity=0.5)


def _glint(sprite: Sprite, feats: Features) -> None:
    sprite.path(_star(-100, -30, 10), fill="#ffffff", stroke_width=2.0)


EXTRAS: dict[str, Callable[[Sprite, Features], None]] = {
    "sparkles": _sparkles,
    "tears": _tears,
    "welling": _welling,
    "sweat": _sweat,
    "hearts": _hearts,
    "anger": _anger,
    "steam": _steam,
    "drama": _drama,
    "dots": _dots,
    "note": _note,
    "nose_wrinkle": _nose_wrinkle,
    "gloom": _gloom,
    "glint": _glint,
}
