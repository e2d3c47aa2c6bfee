"""The SVG document every background is drawn into.

Why it exists: each background is one `Canvas`. It owns the `<defs>` (gradients, always
`userSpaceOnUse` because nanosvg, the SVG loader inside pygame, ignores bounding-box units), the body,
and a random generator seeded by the background's id, so the hand-drawn wobble is the same on every build
and the committed files only change when the drawing code does.
"""

from __future__ import annotations

import random

try:  # as the package tools.X, or as X with tools/ on the path (the build scripts)
    from tools.svgmarkup import Document
    from tools.svgmarkup import Stop as Stop  # drawing modules take these from here
    from tools.svgmarkup import num as num
except ModuleNotFoundError:
    from svgmarkup import Document  # type: ignore[no-redef]
    from svgmarkup import Stop as Stop  # type: ignore[no-redef]
    from svgmarkup import num as num  # type: ignore[no-redef]

WIDTH = 1280
HEIGHT = 720

INK = "#3a2f3a"
INK_OPACITY = 0.8
LINE_WIDTH = 3.0

Point = tuple[float, float]


class Canvas(Document):
    """One background being drawn: defs, body and a deterministic random source.

    The body sits inside a group that sets the ink line style (colour, partial opacity, ~3px, round
    joins), so outlined shapes need no stroke attributes and unlined ones say `stroke="none"`.
    """

    def __init__(self, name: str, width: int = WIDTH, height: int = HEIGHT) -> None:
        super().__init__(
            width,
            height,
            {
                "stroke": INK,
                "stroke_opacity": INK_OPACITY,
                "stroke_width": LINE_WIDTH,
                "stroke_linejoin": "round",
                "stroke_linecap": "round",
            },
        )
        self.name = name
        self.rng = random.Random(name)
        self.time: str | None = None  # a variant's time of day and season (see variants.py); None: the plain file
        self.season: str | None = None

    def add(self, markup: str) -> None:
        """Append raw markup to the body."""
        self._body.append(markup)

    def jitter(self, amount: float) -> float:
        """A small random offset in [-amount, amount], the wobble of a hand-drawn line."""
        return self.rng.uniform(-amount, amount)
