"""Colour arithmetic for flat fills and their soft shading.

Why it exists: every part is filled with a pastel base colour and shaded with a lighter and a darker
version of it; deriving those here keeps the shading consistent across all characters.
"""

from __future__ import annotations


def _rgb(colour: str) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def mix(a: str, b: str, t: float) -> str:
    """The colour `t` of the way from `a` to `b`."""
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))  # type: ignore[arg-type]


def lighter(colour: str, t: float = 0.25) -> str:
    """Towards white."""
    return mix(colour, "#ffffff", t)


def darker(colour: str, t: float = 0.2) -> str:
    """Towards a warm plum shadow rather than grey, so shading stays soft."""
    return mix(colour, "#3a2440", t)


BLUSH = "#f07c8c"
MOUTH = "#8c3c4e"
TONGUE = "#e8808e"
TEETH = "#fffaf4"
EYE_WHITE = "#fffdfb"
TEAR = "#9fd3f2"
INK_SOFT = "#6a5a8a"
