"""The colours of the game's world, named by what they are for.

Why it exists: one palette keeps twenty-six backgrounds looking like one book: warm pastels and autumn
tones everywhere, blue wherever Charlie lives, yellow wherever Nick does, pink, purple and blue light for
prom, soft dusk for Paris. Scenes ask for `BLUE`, `AUTUMN` or `DUSK`, never for a raw hex value.
"""

from __future__ import annotations

INK = "#3a2f3a"
WHITE = "#fffaf2"
CREAM = "#fbf1de"
PAPER = "#f6ead3"
PEACH = "#f6c9a8"
SHADOW = "#3a2f3a"

# Charlie's blues.
BLUE_PALE = "#d7e6f4"
BLUE_SOFT = "#b4cfe9"
BLUE = "#86acd6"
BLUE_DEEP = "#5d82b3"
NAVY = "#3f5480"

# Nick's yellows.
YELLOW_PALE = "#fbeec2"
YELLOW_SOFT = "#f7dd8c"
YELLOW = "#f2c94c"
MUSTARD = "#d9a53a"

# Autumn.
ORANGE = "#eb9a5b"
RUST = "#cc6b45"
RED = "#d9645a"
BROWN = "#a8744f"
BROWN_DARK = "#7d563e"
OLIVE = "#a9b56a"
AUTUMN = (ORANGE, RUST, YELLOW, RED, MUSTARD, "#f0b45c")

# Greens for grass, plants and pitches.
GREEN_PALE = "#cfe1b0"
GREEN = "#9fc283"
GREEN_DEEP = "#6f9a66"
TEAL = "#7fb5ad"

# Wood, brick and stone.
WOOD_LIGHT = "#e2bf93"
WOOD = "#c9996a"
WOOD_DARK = "#9c6c4a"
BRICK = "#c98466"
BRICK_DARK = "#a9654f"
STONE = "#e3d6c2"
STONE_DARK = "#c3b39d"
SLATE = "#8d8aa3"
GREY_PALE = "#e4e0e6"
GREY = "#bdb7c2"
GREY_DARK = "#8b8393"

# Pinks and purples (prom, Elle, art).
PINK_PALE = "#f8d9e3"
PINK = "#f0a9c4"
ROSE = "#e07aa0"
LILAC = "#d6c6ee"
PURPLE = "#a98fd6"
PURPLE_DEEP = "#6f5aa8"

# Skies.
DAY_TOP = "#a9cdea"
DAY_BOTTOM = "#f4e6d0"
DUSK = ("#8e87c2", "#d99fb3", "#f7c59f", "#fbe3bf")
NIGHT_TOP = "#27305a"
NIGHT_BOTTOM = "#5a5b8f"
GLOW = "#ffe6a6"
