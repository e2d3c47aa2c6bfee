"""The game's palette, sizes and layout constants, so every screen looks like part of one game.

Warm pastels from the story bible: cream paper, soft brown ink, blue for Charlie and yellow for Nick.
All positions are in logical pixels of the fixed 1280x720 canvas (see `game.ui.scaling`).
"""

from __future__ import annotations

import functools

from game.staging import NAMED_PLACES

Color = tuple[int, int, int]
RGBA = tuple[int, int, int, int]

PAPER: Color = (255, 248, 238)
PAPER_DEEP: Color = (250, 236, 218)
INK: Color = (74, 58, 52)
INK_SOFT: Color = (128, 108, 98)
INK_FAINT: Color = (176, 160, 150)
CHARLIE_BLUE: Color = (127, 184, 232)
NICK_YELLOW: Color = (244, 197, 66)
ROSE: Color = (242, 156, 181)
LEAF_ORANGE: Color = (232, 140, 72)
FOCUS: Color = (127, 184, 232)
LOCKED: Color = (200, 192, 186)
SHADE: RGBA = (40, 28, 24, 130)
DANGER: Color = (196, 84, 72)

# The dialogue box.
BOX = (56, 500, 1168, 190)
BOX_TEXT_X = 96
BOX_TEXT_Y = 540
BOX_TEXT_W = 1088
NAMEPLATE_X = 84
NAMEPLATE_Y = 478
NAMEPLATE_H = 44
QUICK_MENU_Y = 694

# Text sizes (logical pixels) and the text-size setting's factors.
TEXT_SIZES = {"small": 0.88, "medium": 1.0, "large": 1.14, "largest": 1.3}
DIALOGUE_PX = 27
NAME_PX = 24
UI_PX = 24
SMALL_PX = 18
TITLE_PX = 58

# Sprites stand on the bottom edge, behind the dialogue box.
SPRITE_HEIGHT = 620
SPRITE_X = {name: round(NAMED_PLACES[name] * 1280) for name in ("left", "center", "right")}  # game.staging's


def parse_hex(value: str | None, fallback: Color = INK_SOFT) -> Color:
    """A "#rrggbb" colour from the story, or `fallback` when missing or malformed."""
    if not value or not isinstance(value, str):
        return fallback
    text = value.lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))
    except (ValueError, IndexError):
        return fallback


def mix(a: Color, b: Color, t: float) -> Color:
    """Blend colour `a` towards `b` by `t` (0..1)."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def luminance(color: Color) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (7 is the AAA level for text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


TEXT_RATIO = 4.5  # WCAG AA for text: what every coloured name and label keeps against its ground


@functools.lru_cache(maxsize=256)  # asked on every frame for each name drawn: the cast's few colours, worked out once
def legible(color: Color, *grounds: Color, ratio: float = TEXT_RATIO) -> Color:
    """`color`, or if it stands out less than `ratio` from any of `grounds`, the nearest shade of it that does:
    moved towards ink on a light ground (towards paper on a dark one) in small steps, so a character's name keeps
    their colour and only gets as much darker as it must."""
    if all(contrast_ratio(color, g) >= ratio for g in grounds):
        return color
    towards = readable_ink(grounds[0])
    for step in range(1, 21):
        shade = mix(color, towards, step / 20)
        if all(contrast_ratio(shade, g) >= ratio for g in grounds):
            return shade
    return HC_BLACK if towards == INK else HC_WHITE


# High contrast: every text colour and every panel becomes black or white, on the side of its own lightness.
# Panels split at a middle grey; text is drawn light only where it was meant for a dark ground (paper-white ink),
# so the soft and faint greys the game sets on cream become black.
HC_BLACK: Color = (0, 0, 0)
HC_WHITE: Color = (255, 255, 255)
HC_PANEL_SPLIT = 0.18  # relative luminance: a lighter panel goes white, a darker one black
HC_TEXT_SPLIT = 0.6  # relative luminance: lighter text goes white, darker black


def high_contrast(color: Color, split: float = HC_PANEL_SPLIT) -> Color:
    return HC_WHITE if luminance(color) >= split else HC_BLACK


def readable_ink(background: Color) -> Color:
    """Dark ink on light colours, paper on dark ones: whichever stands out more from `background` by the WCAG
    contrast ratio (a rule of thumb on brightness picked paper on some mid-tone greens, at under 3:1)."""
    return INK if contrast_ratio(INK, background) >= contrast_ratio(PAPER, background) else PAPER
