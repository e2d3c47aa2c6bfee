"""Hair styles, each in up to three layers: behind the head, over the shoulders, and over the face.

Why it exists: after the outfit, hair is the quickest way to know who is on screen (Charlie's messy dark
fringe, Nick's swept light-brown top, Tara's curls, Sahar's teal headscarf...). Every style draws in
head coordinates (origin between the eyes, skull top at y=-112, cheeks at x=+-76), filled with a soft
vertical gradient of the character's hair colour, a highlight, and a few strand lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .body import Build
from .geometry import Path, Point
from .palette import darker, lighter
from .svg import Sprite

Layer = Callable[[Sprite, str, Build], None]


@dataclass(frozen=True)
class HairStyle:
    """The layers of one style; `ears` is False when the hair or a scarf covers them."""

    back: Layer | None = None
    mid: Layer | None = None
    front: Layer | None = None
    ears: bool = True


# -- drawing helpers ------------------------------------------------------------------------------


def paint(sprite: Sprite, d: str | Path, colour: str, top: float = -160, bottom: float = 120) -> None:
    """Fill a hair shape: lighter at the crown, deeper towards the ends, outlined in ink."""
    grad = sprite.linear(0, top, 0, bottom, [(0, lighter(colour, 0.16)), (0.45, colour), (1, darker(colour, 0.16))])
    sprite.path(str(d), fill=grad)


def strand(sprite: Sprite, d: str | Path, colour: str, width: float = 2.2) -> None:
    """A strand line inside a hair shape."""
    sprite.line(str(d), width, darker(colour, 0.38))


def shine(sprite: Sprite, d: str | Path, colour: str, opacity: float = 0.5) -> None:
    """A soft highlight band on the hair."""
    sprite.shade(str(d), lighter(colour, 0.45), opacity)


def locks(p: Path, pts: Sequence[Point], bend: float = 0.22) -> Path:
    """Continue a path through `pts` with gently curved segments, so tips stay pointed."""
    x0, y0 = pts[0]
    for x1, y1 in pts[1:]:
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        dx, dy = x1 - x0, y1 - y0
        p.Q(mx - dy * bend, my + dx * bend, x1, y1)
        x0, y0 = x1, y1
    return p


def _mirror(d: Callable[[Path], Path]) -> str:
    """Draw the same path for both sides."""
    return str(d(Path(sx=-1))) + str(d(Path(sx=1)))


# -- Charlie: dark, messy, soft fringe over the brows, flicks at the nape ----------------------


def _charlie_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-86, -50)
    locks(p, [(-86, -50), (-94, 10), (-88, 40), (-98, 64), (-76, 52), (-70, 70), (-56, 48)], 0.16)
    p.L(56, 48)
    locks(p, [(56, 48), (70, 70), (76, 52), (98, 64), (88, 40), (94, 10), (86, -50)], 0.16)
    paint(s, p.Z(), c)


def _charlie_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-82, 26)
    locks(
        p,
        [
            (-82, 26),
            (-94, -8),
            (-90, -40),
            (-102, -60),
            (-86, -80),
            (-92, -106),
            (-64, -116),
            (-60, -138),
            (-32, -132),
            (-12, -148),
            (10, -136),
            (38, -146),
            (52, -126),
            (82, -122),
            (80, -100),
            (100, -78),
            (90, -52),
            (98, -22),
            (84, 24),
        ],
        0.14,
    )
    locks(
        p,
        [
            (84, 24),
            (76, -6),
            (72, -30),
            (60, -20),
            (54, -52),
            (38, -28),
            (28, -58),
            (10, -28),
            (0, -60),
            (-20, -30),
            (-28, -56),
            (-46, -32),
            (-56, -54),
            (-68, -22),
            (-72, 0),
            (-82, 26),
        ],
        0.18,
    )
    paint(s, p.Z(), c)
    shine(s, "M-56 -108Q-10 -136 40 -124Q0 -120 -40 -96Z", c)
    for d in (
        "M-20 -128Q-30 -90 -22 -50",
        "M20 -132Q30 -96 24 -64",
        "M-60 -98Q-74 -60 -60 -40",
        "M62 -100Q76 -70 66 -40",
        "M-2 -136Q6 -104 -2 -80",
        "M-80 -60Q-88 -20 -78 10",
        "M80 -60Q90 -20 80 10",
    ):
        strand(s, d, c)


# -- Nick: light brown/blond, swept up and across, short at the sides -----------------------------


def _nick_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-88, 0, -84, 30, -76, 50).L(76, 50).C(84, 30, 88, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.08))


def _nick_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, 0)
    p.C(-92, -40, -94, -96, -62, -124).C(-36, -148, 10, -162, 50, -152)
    p.C(86, -144, 106, -112, 96, -70).C(94, -40, 90, -18, 82, 2)
    locks(p, [(82, 2), (76, -24), (70, -46), (60, -34), (52, -60), (36, -46), (28, -70), (6, -66)], 0.16)
    p.C(-12, -76, -30, -90, -44, -98).C(-58, -82, -70, -58, -74, -32).C(-76, -18, -78, -8, -80, 0).Z()
    paint(s, p, c)
    lift = Path().M(-44, -98).C(-20, -128, 40, -140, 84, -118).C(60, -120, 20, -110, -10, -84).Z()
    shine(s, lift, c, 0.45)
    for d in (
        "M-44 -112Q10 -134 74 -104",
        "M-30 -98Q20 -112 58 -70",
        "M-52 -128Q0 -150 88 -124",
        "M-14 -84Q24 -90 40 -56",
        "M-70 -70Q-80 -40 -76 -10",
        "M-56 -110Q-70 -90 -70 -60",
    ):
        strand(s, d, c)


# -- Tao: black, thick straight fringe parted a little off centre -------------------------------


def _tao_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-84, -50)
    locks(p, [(-84, -50), (-90, 0), (-82, 40), (-66, 34)], 0.14)
    p.L(66, 34)
    locks(p, [(66, 34), (82, 40), (90, 0), (84, -50)], 0.14)
    paint(s, p.Z(), c)


def _tao_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -4)
    p.C(-94, -36, -96, -100, -64, -128).C(-36, -152, 36, -154, 68, -130).C(98, -104, 96, -40, 82, -4)
    locks(
        p,
        [
            (82, -4),
            (76, -30),
            (70, -22),
            (64, -44),
            (52, -30),
            (44, -48),
            (30, -32),
            (20, -48),
            (8, -32),
            (-4, -50),
            (-18, -32),
            (-30, -48),
            (-44, -30),
            (-54, -46),
            (-66, -28),
            (-72, -40),
            (-80, -4),
        ],
        0.1,
    )
    paint(s, p.Z(), c)
    shine(s, "M-62 -104Q-14 -140 52 -124Q6 -120 -54 -90Z", c, 0.35)
    for d in (
        "M-36 -130Q-44 -90 -40 -46",
        "M-62 -108Q-70 -76 -64 -44",
        "M30 -134Q38 -90 34 -48",
        "M60 -114Q68 -80 64 -46",
        "M0 -142Q2 -100 -2 -50",
        "M-86 -50Q-88 -30 -80 -8",
        "M86 -50Q88 -30 80 -8",
    ):
        strand(s, d, c)


# -- Elle: long, dark and wavy, a side parting, a purple clip (accessory) ----------------------


def _long_back(s: Sprite, c: str, b: Build, length: float = 300, wave: float = 10, width: float = 112) -> None:
    w = width
    p = Path().M(-w + 20, -110).C(-w - 8, -50, -w - 4, 40, -w + 4, 100)
    for k in range(4):
        y = 100 + (length - 100) * (k + 1) / 4
        p.Q(-w + 4 + (wave if k % 2 == 0 else -wave), y - (length - 100) / 8, -w + 8 + (k % 2) * 6, y)
    p.Q(-40, length + 20, 0, length - 6).Q(40, length + 20, w - 8, length)
    for k in range(3, -1, -1):
        y = 100 + (length - 100) * k / 4
        p.Q(w - 4 - (wave if k % 2 == 0 else -wave), y + (length - 100) / 8, w - 6 + (k % 2) * 4, y)
    p.C(w + 4, 40, w + 8, -50, w - 20, -110).C(60, -160, -60, -160, -w + 20, -110).Z()
    paint(s, p, c, -160, length)


def _elle_back(s: Sprite, c: str, b: Build) -> None:
    _long_back(s, c, b, length=330, wave=12, width=116)


def _wavy_lock(p: Path, x: float, top: float, bottom: float, width: float, wave: float) -> Path:
    """One long wavy lock lying over a shoulder, as a closed shape starting at (x, top)."""
    p.M(x, top)
    h = (bottom - top) / 3
    p.C(x - width * 0.6, top + h * 0.5, x + wave - width * 0.2, top + h, x - wave * 0.6, top + h * 1.6)
    p.C(x - wave * 1.2, top + h * 2.2, x + wave * 0.6, top + h * 2.6, x + width * 0.2, bottom)
    p.C(x + width * 0.9, bottom - h * 0.4, x + width + wave, top + h * 2.2, x + width * 0.7, top + h * 1.5)
    p.C(x + width * 0.5 + wave, top + h, x + width * 1.1, top + h * 0.4, x + width * 0.8, top)
    return p.Z()


def _elle_mid(s: Sprite, c: str, b: Build) -> None:
    for side in (-1, 1):
        p = _wavy_lock(Path(sx=side), 66, 20, 270, 44, 10)
        paint(s, p, c, -60, 280)
        strand(s, str(Path(sx=side).M(84, 60).Q(92, 140, 80, 200).Q(76, 230, 88, 250)), c)


def _elle_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-90, 60)
    p.C(-104, -20, -96, -110, -40, -134).C(0, -150, 70, -140, 92, -92).C(104, -50, 100, 10, 92, 60)
    p.C(86, 20, 82, -10, 74, -34).C(62, -74, 36, -92, -20, -100)  # a side parting on the left
    p.C(-44, -74, -60, -56, -70, -30).C(-80, -6, -84, 20, -90, 60).Z()
    paint(s, p, c)
    shine(s, "M-30 -124Q20 -140 70 -110Q30 -118 -20 -108Z", c, 0.4)
    for d in (
        "M-20 -100Q-60 -80 -78 10",
        "M0 -110Q60 -100 82 -30",
        "M40 -126Q86 -100 90 0",
        "M-50 -120Q-90 -80 -94 20",
    ):
        strand(s, d, c)


# -- Isaac: short, tidy, a little fringe brushed to one side ------------------------------------


def _isaac_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-82, -40).C(-88, 0, -84, 36, -74, 56).L(74, 56).C(84, 36, 88, 0, 82, -40).Z()
    paint(s, p, darker(c, 0.06))


def _isaac_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, 0)
    locks(
        p,
        [
            (-80, 0),
            (-90, -40),
            (-88, -88),
            (-66, -120),
            (-34, -140),
            (6, -146),
            (48, -138),
            (78, -116),
            (92, -76),
            (90, -30),
            (82, 0),
        ],
        0.1,
    )
    locks(
        p,
        [
            (82, 0),
            (76, -26),
            (70, -52),
            (52, -66),
            (40, -52),
            (22, -70),
            (4, -50),
            (-14, -68),
            (-34, -44),
            (-48, -60),
            (-66, -34),
            (-74, -16),
            (-80, 0),
        ],
        0.14,
    )
    paint(s, p.Z(), c)
    shine(s, "M-46 -118Q0 -144 56 -126Q10 -124 -36 -100Z", c, 0.45)
    for d in (
        "M40 -132Q10 -100 -30 -50",
        "M60 -120Q30 -90 4 -54",
        "M-4 -140Q-40 -110 -62 -40",
        "M70 -100Q60 -70 44 -56",
        "M-60 -110Q-80 -70 -76 -16",
    ):
        strand(s, d, c)


# -- Tara: a big cloud of curls ------------------------------------------------------------------


def _curl_outline(
    cx: float, cy: float, rx: float, ry: float, bumps: int, depth: float, start: float, end: float
) -> Path:
    """A scalloped arc of curls around an ellipse, from angle `start` to `end` (degrees)."""
    p = Path()
    pts = []
    for i in range(bumps + 1):
        a = math.radians(start + (end - start) * i / bumps)
        pts.append((cx + rx * math.cos(a), cy + ry * math.sin(a)))
    p.M(*pts[0])
    for (x0, y0), (x1, y1) in pairwise(pts):
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        ox, oy = mx - cx, my - cy
        n = math.hypot(ox, oy) or 1
        p.Q(mx + ox / n * depth, my + oy / n * depth, x1, y1)
    return p


def _tara_back(s: Sprite, c: str, b: Build) -> None:
    p = _curl_outline(0, -30, 132, 150, 18, 22, 115, 425)
    p.Q(0, 140, 132 * math.cos(math.radians(115)), -30 + 150 * math.sin(math.radians(115))).Z()
    paint(s, p, c, -190, 140)
    for k in range(14):
        a = math.radians(60 + 240 * k / 13)
        x, y = 108 * math.cos(a), -30 + 124 * math.sin(a)
        s.line(f"M{x - 8:.1f} {y:.1f}q8 -10 14 2", 2.2, lighter(c, 0.25))


def _tara_front(s: Sprite, c: str, b: Build) -> None:
    p = _curl_outline(0, -58, 96, 86, 11, 12, 178, 362)
    locks(p, [(96, -56), (88, -30), (74, -40)], 0.1)
    p.C(60, -70, 40, -56, 26, -70).Q(10, -56, -6, -70).Q(-20, -54, -36, -68).Q(-52, -52, -66, -64)
    p.Q(-82, -52, -80, -30).L(-96, -58).Z()
    paint(s, p, c, -180, 0)
    for x, y in (
        (-60, -110),
        (-20, -128),
        (24, -126),
        (60, -106),
        (-40, -88),
        (6, -96),
        (44, -86),
        (-76, -80),
        (80, -72),
    ):
        s.line(f"M{x - 8:.1f} {y:.1f}q8 -10 14 2", 2.2, lighter(c, 0.25))


# -- Darcy: short and dark, a long side-swept top and a clipped side ----------------------------


def _darcy_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -30).C(-86, 10, -82, 40, -72, 54).L(72, 54).C(84, 30, 90, 0, 84, -40).Z()
    paint(s, p, darker(c, 0.05))


def _darcy_front(s: Sprite, c: str, b: Build) -> None:
    # the clipped left side, a shade lighter so it reads as short
    side = Path().M(-80, 0).C(-90, -40, -88, -80, -66, -106).L(-40, -98).C(-56, -70, -66, -40, -70, -14).Z()
    paint(s, side, lighter(c, 0.14))
    for k in range(6):
        s.line(f"M{-84 + k * 2:.1f} {-80 + k * 13:.1f}l7 1", 1.6, darker(c, 0.1))
    p = Path().M(-66, -106)
    locks(
        p,
        [
            (-66, -106),
            (-62, -132),
            (-36, -140),
            (-20, -160),
            (8, -148),
            (36, -160),
            (56, -140),
            (84, -132),
            (86, -108),
            (102, -86),
            (94, -50),
            (98, -20),
            (88, 14),
        ],
        0.12,
    )
    locks(p, [(88, 14), (80, -18), (74, -40), (64, -24), (58, -52), (42, -36), (34, -60), (14, -54)], 0.18)
    p.C(-6, -60, -28, -74, -44, -94).Q(-54, -102, -66, -106).Z()
    paint(s, p, c)
    shine(s, "M-30 -128Q20 -152 70 -128Q24 -130 -20 -112Z", c, 0.45)
    for d in ("M-40 -114Q20 -126 66 -76", "M-24 -134Q40 -140 84 -96", "M-4 -100Q40 -100 64 -44", "M80 -80Q90 -40 84 0"):
        strand(s, d, c)


# -- Imogen: long auburn waves and an orange headband (drawn with the fringe) --------------------


def _imogen_back(s: Sprite, c: str, b: Build) -> None:
    _long_back(s, c, b, length=300, wave=16, width=114)


def _imogen_mid(s: Sprite, c: str, b: Build) -> None:
    for side in (-1, 1):
        p = _wavy_lock(Path(sx=side), 64, 10, 250, 48, 16)
        paint(s, p, c, -60, 260)
        strand(s, str(Path(sx=side).M(80, 50).Q(100, 110, 84, 170).Q(78, 210, 94, 236)), c)


def _imogen_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-90, 50)
    p.C(-104, -30, -96, -112, -40, -136).C(0, -150, 70, -142, 94, -96).C(106, -50, 100, 10, 90, 50)
    p.C(84, 10, 80, -20, 70, -44).C(54, -70, 30, -70, 14, -96)  # a soft wave from a side parting
    p.C(-6, -70, -40, -66, -62, -46).C(-78, -24, -84, 10, -90, 50).Z()
    paint(s, p, c)
    band = Path().M(-92, -70).C(-70, -132, 70, -136, 94, -74).L(90, -62).C(66, -120, -66, -118, -88, -58).Z()
    s.path(str(band), fill="#f6a24e", stroke_width=2.6)
    s.line("M-84 -78C-60 -118 60 -122 86 -80", 2.0, "#fbd19a")
    shine(s, "M-40 -128Q10 -146 60 -126Q10 -134 -30 -118Z", c, 0.45)
    for d in ("M14 -92Q-30 -74 -72 -10", "M20 -90Q60 -70 80 0", "M-40 -76Q-80 -40 -86 30", "M60 -60Q90 -20 88 40"):
        strand(s, d, c)


# -- Tori: long, straight and dark, parted in the middle ----------------------------------------


def _tori_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-92, -100).C(-104, -40, -102, 80, -104, 300).L(104, 300).C(102, 80, 104, -40, 92, -100)
    p.C(60, -150, -60, -150, -92, -100).Z()
    paint(s, p, c, -150, 300)


def _tori_mid(s: Sprite, c: str, b: Build) -> None:
    for side in (-1, 1):
        p = Path(sx=side).M(62, 20).C(62, 90, 64, 170, 64, 240)
        locks(p, [(64, 240), (70, 262), (76, 244), (84, 266), (90, 246), (98, 258), (100, 236)], 0.1)
        p.C(100, 160, 100, 60, 96, 10).Z()
        paint(s, p, c, -60, 270)
        strand(s, str(Path(sx=side).M(76, 60).L(76, 236)), c, 2.0)
        strand(s, str(Path(sx=side).M(88, 40).L(88, 236)), c, 2.0)
        shine(s, str(Path(sx=side).M(70, 50).L(76, 50).L(78, 200).L(72, 200).Z()), c, 0.25)


def _tori_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-92, 60).C(-100, -20, -98, -100, -50, -134).C(-20, -150, 20, -150, 50, -134)
    p.C(98, -100, 100, -20, 92, 60).C(86, 20, 80, -20, 72, -50).C(60, -82, 30, -96, 4, -100).L(0, -92)
    p.L(-4, -100).C(-30, -96, -60, -82, -72, -50).C(-80, -20, -86, 20, -92, 60).Z()
    paint(s, p, c)
    shine(s, "M-60 -112Q-30 -136 -4 -134Q-30 -122 -56 -98Z", c, 0.35)
    shine(s, "M60 -112Q30 -136 4 -134Q30 -122 56 -98Z", c, 0.35)
    for d in (
        "M-4 -112Q-50 -100 -78 20",
        "M4 -112Q50 -100 78 20",
        "M-20 -128Q-80 -100 -90 40",
        "M20 -128Q80 -100 90 40",
    ):
        strand(s, d, c)


# -- Stéphane: short, neat, swept back, greying at the temples ----------------------------------


def _stephane_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -6).C(-90, -60, -80, -118, -36, -136).C(10, -150, 70, -136, 86, -96)
    p.C(94, -70, 90, -30, 80, -6).L(74, -36).C(70, -70, 40, -86, 0, -84).C(-40, -86, -70, -70, -74, -36).Z()
    paint(s, p, c)
    for side in (-1, 1):
        sprite_side = Path(sx=side).M(80, -8).C(84, -30, 80, -60, 70, -74).L(76, -40).Z()
        s.path(str(sprite_side), fill=lighter(c, 0.45), stroke="none")
    for d in (
        "M-40 -88Q0 -120 60 -120",
        "M-60 -74Q-10 -110 40 -130",
        "M-20 -84Q30 -100 76 -80",
        "M-74 -50Q-60 -100 -20 -124",
    ):
        strand(s, d, c)
    shine(s, "M-30 -120Q20 -140 60 -120Q20 -126 -20 -110Z", c, 0.5)


def _stephane_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-86, 0, -82, 30, -74, 46).L(74, 46).C(82, 30, 86, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.08))


# -- Jane: a neat chin-length bob with a side parting -------------------------------------------


def _jane_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-94, -80).C(-108, -10, -104, 60, -96, 96).Q(-60, 110, -20, 100).L(20, 100).Q(60, 110, 96, 96)
    p.C(104, 60, 108, -10, 94, -80).C(60, -150, -60, -150, -94, -80).Z()
    paint(s, p, c)


def _jane_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-96, 92).C(-108, 20, -104, -100, -40, -134).C(10, -152, 80, -132, 96, -84)
    p.C(106, -30, 104, 50, 96, 92).Q(86, 100, 74, 96).C(82, 50, 80, -20, 66, -52)
    p.C(50, -76, 10, -90, -28, -104)  # parting on the left, hair swept across
    p.C(-50, -80, -70, -50, -74, -10).C(-76, 30, -72, 70, -74, 96).Q(-86, 100, -96, 92).Z()
    paint(s, p, c)
    shine(s, "M-20 -126Q40 -140 80 -100Q40 -118 -10 -114Z", c, 0.45)
    for d in ("M-28 -104Q40 -100 74 -40", "M-10 -120Q70 -110 90 -20", "M-40 -110Q-80 -60 -84 80", "M80 0Q84 50 84 90"):
        strand(s, d, c)


# -- Sarah: shoulder-length, blonde, soft waves, a swept fringe ---------------------------------


def _sarah_back(s: Sprite, c: str, b: Build) -> None:
    _long_back(s, c, b, length=160, wave=10, width=112)


def _sarah_mid(s: Sprite, c: str, b: Build) -> None:
    for side in (-1, 1):
        p = _wavy_lock(Path(sx=side), 66, 20, 150, 46, 12)
        paint(s, p, c, -40, 160)


def _sarah_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-92, 60).C(-104, -30, -94, -110, -40, -136).C(10, -150, 76, -138, 96, -90)
    p.C(106, -40, 100, 20, 92, 60).C(86, 20, 80, -16, 70, -40).C(60, -64, 40, -80, 20, -92)
    p.C(-10, -60, -40, -48, -66, -40).C(-80, -20, -86, 20, -92, 60).Z()
    paint(s, p, c)
    shine(s, "M-40 -126Q10 -144 60 -124Q10 -128 -30 -112Z", c, 0.5)
    for d in (
        "M20 -92Q-20 -60 -70 -30",
        "M30 -110Q-20 -80 -80 -10",
        "M50 -80Q80 -40 84 30",
        "M-50 -110Q-86 -60 -90 40",
    ):
        strand(s, d, c)


# -- David: tousled and a bit long on top, darker than Nick's ------------------------------------


def _david_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-84, 10)
    locks(
        p,
        [
            (-84, 10),
            (-96, -30),
            (-92, -76),
            (-104, -96),
            (-78, -112),
            (-70, -138),
            (-44, -136),
            (-30, -158),
            (-4, -146),
            (20, -162),
            (40, -142),
            (70, -146),
            (74, -124),
            (98, -110),
            (92, -80),
            (100, -40),
            (88, 10),
        ],
        0.14,
    )
    locks(
        p,
        [
            (88, 10),
            (78, -20),
            (72, -40),
            (62, -30),
            (56, -56),
            (42, -44),
            (30, -66),
            (12, -50),
            (4, -72),
            (-14, -52),
            (-28, -70),
            (-44, -48),
            (-58, -60),
            (-68, -34),
            (-74, -14),
            (-84, 10),
        ],
        0.2,
    )
    paint(s, p.Z(), c)
    shine(s, "M-50 -118Q0 -146 56 -126Q10 -126 -40 -100Z", c, 0.45)
    for d in (
        "M-30 -140Q-40 -100 -30 -60",
        "M14 -146Q24 -110 14 -70",
        "M54 -128Q70 -90 60 -50",
        "M-60 -110Q-76 -70 -64 -40",
    ):
        strand(s, d, c)


def _david_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-86, -50)
    locks(p, [(-86, -50), (-92, 20), (-82, 64), (-60, 70)], 0.15)
    p.L(60, 70)
    locks(p, [(60, 70), (82, 64), (92, 20), (86, -50)], 0.15)
    paint(s, p.Z(), c)


# -- Ben: neat, combed, a clean side parting ------------------------------------------------------


def _ben_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, 0).C(-92, -60, -82, -120, -40, -138).C(10, -154, 70, -140, 88, -100)
    p.C(96, -70, 92, -30, 82, 0).L(76, -30).C(72, -56, 60, -66, 40, -70)
    p.C(10, -76, -20, -70, -44, -58).C(-58, -50, -70, -36, -74, -20).Z()
    paint(s, p, c)
    s.line("M-36 -136Q-30 -110 -40 -74", 2.6, darker(c, 0.5))  # the parting
    for d in (
        "M-30 -110Q20 -120 70 -86",
        "M-28 -96Q20 -100 64 -70",
        "M-32 -124Q20 -136 80 -108",
        "M-46 -120Q-70 -90 -72 -30",
    ):
        strand(s, d, c, 1.8)
    shine(s, "M-20 -128Q30 -142 70 -118Q30 -122 -16 -114Z", c, 0.55)


def _ben_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-86, 0, -82, 30, -74, 48).L(74, 48).C(82, 30, 86, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.08))


# -- Harry: blond, gelled up into points ---------------------------------------------------------


def _harry_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -4).C(-90, -50, -84, -96, -64, -120)
    locks(
        p,
        [
            (-64, -120),
            (-70, -150),
            (-40, -136),
            (-36, -170),
            (-10, -146),
            (4, -182),
            (22, -150),
            (44, -176),
            (54, -140),
            (82, -150),
            (78, -116),
        ],
        0.12,
    )
    p.C(94, -90, 92, -40, 82, -4)
    hairline = [(82, -4), (76, -34), (62, -60), (48, -66), (40, -58), (26, -76), (8, -70), (-4, -80), (-22, -70)]
    locks(p, [*hairline, (-42, -74), (-50, -62), (-66, -56), (-76, -30), (-80, -4)], 0.12)
    p.Z()
    paint(s, p, c, -190, 0)
    shine(s, "M-30 -110Q10 -130 50 -112Q10 -116 -24 -100Z", c, 0.55)
    for d in (
        "M-36 -90Q-30 -130 -36 -160",
        "M0 -90Q4 -130 4 -170",
        "M30 -90Q40 -130 44 -166",
        "M56 -84Q70 -110 76 -140",
    ):
        strand(s, d, c)


def _harry_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-86, 0, -82, 30, -74, 46).L(74, 46).C(82, 30, 86, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.1))


# -- James: fluffy curls on top, short at the sides ---------------------------------------------


def _james_front(s: Sprite, c: str, b: Build) -> None:
    sides = (
        Path()
        .M(-80, 0)
        .C(-88, -40, -86, -80, -70, -100)
        .L(70, -100)
        .C(86, -80, 88, -40, 80, 0)
        .L(72, -40)
        .L(-72, -40)
        .Z()
    )
    paint(s, sides, darker(c, 0.08))
    p = _curl_outline(0, -92, 84, 62, 12, 13, 168, 372)
    p.Q(70, -60, 56, -64).Q(44, -46, 30, -62).Q(16, -44, 2, -60).Q(-14, -44, -26, -62).Q(-40, -46, -54, -62)
    p.Q(-70, -56, -82, -80).Z()
    paint(s, p, c, -170, -40)
    for x, y in (
        (-50, -120),
        (-16, -138),
        (20, -136),
        (52, -118),
        (-30, -90),
        (10, -100),
        (40, -86),
        (-62, -84),
        (66, -84),
    ):
        s.line(f"M{x - 7:.1f} {y:.1f}q7 -9 13 2", 2.2, lighter(c, 0.3))


def _james_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-86, 0, -82, 30, -74, 46).L(74, 46).C(82, 30, 86, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.1))


# -- Sahar: a headscarf framing the face and falling over the shoulders -------------------------


def _hijab_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-98, -60).C(-108, 20, -104, 90, -92, 130).L(92, 130).C(104, 90, 108, 20, 98, -60)
    p.C(80, -160, -80, -160, -98, -60).Z()
    paint(s, p, c, -160, 140)


def _hijab_mid(s: Sprite, c: str, b: Build) -> None:
    # the fabric falls from around the face over the shoulders and ends on the chest, longer on one side
    p = Path().M(-96, -10).C(-100, 60, -108, 110, -112, 150).C(-114, 190, -96, 226, -60, 232)
    p.C(-20, 238, 10, 230, 40, 244).C(80, 262, 110, 236, 112, 196).C(114, 150, 104, 80, 96, -10).Z()
    paint(s, p, c, -40, 260)
    for d in (
        "M-96 120Q-90 190 -52 224",
        "M-60 150Q-40 200 -8 228",
        "M70 140Q80 200 60 240",
        "M100 110Q110 170 104 210",
    ):
        strand(s, d, c)
    shine(s, "M-100 110Q-98 170 -70 214L-60 206Q-86 170 -88 116Z", c, 0.35)


def _hijab_front(s: Sprite, c: str, b: Build) -> None:
    # the band of fabric round the face, lying over the forehead, cheeks and under the chin
    p = Path().M(0, -152).C(74, -152, 106, -90, 100, -20).C(96, 50, 80, 110, 0, 126).C(-80, 110, -96, 50, -100, -20)
    p.C(-106, -90, -74, -152, 0, -152).Z()
    p2 = Path().M(0, -80).C(50, -82, 72, -56, 74, -14).C(76, 40, 60, 86, 30, 100).Q(0, 114, -30, 100)
    p2.C(-60, 86, -76, 40, -74, -14).C(-72, -56, -50, -82, 0, -80).Z()
    grad = s.linear(0, -160, 0, 130, [(0, lighter(c, 0.16)), (0.5, c), (1, darker(c, 0.14))])
    s.path(str(p) + str(p2), fill=grad, fill_rule="evenodd")
    s.line("M-62 -70C-30 -92 30 -92 62 -70", 2.4, darker(c, 0.3))
    s.line("M86 -40C92 20 80 80 40 112", 2.2, darker(c, 0.3))
    s.line("M-92 -20C-92 40 -76 90 -44 110", 2.2, darker(c, 0.3))
    s.line("M-30 118Q0 128 40 114", 2.2, darker(c, 0.3))
    shine(s, "M-40 -140Q20 -156 70 -120Q20 -132 -30 -128Z", c, 0.5)


# -- Mr Ajayi: close-cropped ---------------------------------------------------------------------


def _ajayi_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-78, -20).C(-84, -76, -56, -124, 0, -124).C(56, -124, 84, -76, 78, -20)
    p.C(72, -44, 64, -60, 50, -66).C(20, -72, -20, -72, -50, -66).C(-64, -60, -72, -44, -78, -20).Z()
    paint(s, p, c)
    for x in range(-60, 61, 14):
        for y in range(-112, -70, 12):
            if x * x / 6400 + (y + 40) ** 2 / 7200 < 1.05:
                s.el("circle", cx=float(x + (y % 24) / 3), cy=float(y), r=1.6, fill=lighter(c, 0.3), stroke="none")


# -- Mr Farouk: short, dark, neatly combed, a touch of grey ------------------------------------


def _farouk_front(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -8).C(-90, -60, -82, -116, -40, -136).C(10, -150, 70, -136, 86, -96)
    p.C(92, -70, 90, -30, 80, -8).L(74, -40).C(70, -60, 60, -70, 46, -74).Q(30, -64, 10, -76)
    p.C(-20, -86, -50, -72, -62, -64).C(-70, -56, -74, -40, -80, -8).Z()
    paint(s, p, c)
    for side in (-1, 1):
        g = Path(sx=side).M(80, -10).C(84, -30, 82, -50, 74, -60).L(74, -40).Z()
        s.path(str(g), fill="#b8b0b4", stroke="none")
    for d in ("M-50 -80Q0 -120 60 -100", "M-60 -100Q0 -140 74 -100", "M10 -80Q40 -100 70 -80"):
        strand(s, d, c)
    shine(s, "M-30 -124Q20 -140 60 -120Q20 -126 -20 -112Z", c, 0.45)


def _short_back(s: Sprite, c: str, b: Build) -> None:
    p = Path().M(-80, -40).C(-86, 0, -82, 30, -74, 44).L(74, 44).C(82, 30, 86, 0, 80, -40).Z()
    paint(s, p, darker(c, 0.08))


HAIRSTYLES: dict[str, HairStyle] = {
    "charlie_messy": HairStyle(back=_charlie_back, front=_charlie_front),
    "nick_swept": HairStyle(back=_nick_back, front=_nick_front),
    "tao_fringe": HairStyle(back=_tao_back, front=_tao_front),
    "elle_long": HairStyle(back=_elle_back, mid=_elle_mid, front=_elle_front, ears=False),
    "isaac_tidy": HairStyle(back=_isaac_back, front=_isaac_front),
    "tara_curls": HairStyle(back=_tara_back, front=_tara_front),
    "darcy_swept": HairStyle(back=_darcy_back, front=_darcy_front),
    "imogen_waves": HairStyle(back=_imogen_back, mid=_imogen_mid, front=_imogen_front, ears=False),
    "tori_straight": HairStyle(back=_tori_back, mid=_tori_mid, front=_tori_front, ears=False),
    "stephane_back": HairStyle(back=_stephane_back, front=_stephane_front),
    "jane_bob": HairStyle(back=_jane_back, front=_jane_front, ears=False),
    "sarah_waves": HairStyle(back=_sarah_back, mid=_sarah_mid, front=_sarah_front, ears=False),
    "david_tousled": HairStyle(back=_david_back, front=_david_front),
    "ben_parted": HairStyle(back=_ben_back, front=_ben_front),
    "harry_spikes": HairStyle(back=_harry_back, front=_harry_front),
    "james_curls": HairStyle(back=_james_back, front=_james_front),
    "hijab": HairStyle(back=_hijab_back, mid=_hijab_mid, front=_hijab_front, ears=False),
    "ajayi_crop": HairStyle(front=_ajayi_front),
    "farouk_combed": HairStyle(back=_short_back, front=_farouk_front),
}
