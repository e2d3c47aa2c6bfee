"""How colours look to players with the common colour-vision deficiencies, and how far apart two colours look.

Used to check that the characters' colours (name plates, phone bubbles, the history's names) stay apart for
players with protanopia, deuteranopia or tritanopia, as well as for everyone else. The simulation is Machado,
Oliveira and Fernandes (2009) at full severity, applied to linear RGB; the distance is CIEDE2000 in CIELAB, where
about 2 is the smallest difference most people notice side by side and 10 or more reads as a different colour.
Plain arithmetic, no pygame: authoring tools and tests use it as well as the game.
"""

from __future__ import annotations

import math

Color = tuple[int, int, int]

# Machado et al. 2009, severity 1.0 (linear RGB in, linear RGB out).
DEFICIENCIES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("typical", *DEFICIENCIES)


def _linear(v: float) -> float:
    c = v / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> int:
    c = min(1.0, max(0.0, c))
    v = 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return round(v * 255)


def simulate(color: Color, vision: str) -> Color:
    """`color` as a player with `vision` ("typical", "protanopia", "deuteranopia", "tritanopia") sees it."""
    if vision == "typical":
        return color
    matrix = DEFICIENCIES[vision]
    rgb = [_linear(v) for v in color]
    r, g, b = (sum(m * c for m, c in zip(row, rgb)) for row in matrix)
    return (_gamma(r), _gamma(g), _gamma(b))


def lab(color: Color) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (_linear(v) for v in color)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(a: Color, b: Color) -> float:
    """CIEDE2000 difference of two sRGB colours."""
    l1, a1, b1 = lab(a)
    l2, a2, b2 = lab(b)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_mean = (c1 + c2) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dh_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    else:
        h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * cp_mean
    sh = 1 + 0.015 * cp_mean * t
    rt = (
        -2
        * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
        * math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2))))
    )
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dh_big / sh) ** 2 + rt * (dc / sc) * (dh_big / sh))


def closest_under_any_vision(a: Color, b: Color) -> tuple[float, str]:
    """The smallest difference between `a` and `b` over typical vision and each deficiency, and which vision."""
    return min((delta_e(simulate(a, v), simulate(b, v)), v) for v in VISIONS)


def scene_pairs(story: object) -> dict[tuple[str, str], int]:
    """Every two characters who speak (or think, or text) in the same scene, with how many scenes they share."""
    from game.model import TextBeat
    from game.summary import iter_beats

    pairs: dict[tuple[str, str], int] = {}
    for scene in getattr(story, "scenes", {}).values():
        speakers = sorted({b.speaker for b in iter_beats(scene.beats) if isinstance(b, TextBeat) and b.speaker})
        for i, a in enumerate(speakers):
            for b in speakers[i + 1 :]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return pairs
