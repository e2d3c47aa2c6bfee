"""Original background art for the game, generated as SVG.

Why it exists: every background is drawn by code in this package (no bitmaps, no borrowed art), in one
hand-drawn comic style, so a change of palette or line weight restyles the whole game at once. Each
scene module registers its settings in `SCENES`; `render(id)` returns the finished SVG text.
"""

from __future__ import annotations

from collections.abc import Callable

from . import home, london, paris, prom, school, title, town
from .svg import Canvas

Painter = Callable[[Canvas], None]

SCENES: dict[str, Painter] = {
    **home.SCENES,
    **school.SCENES,
    **paris.SCENES,
    **town.SCENES,
    **london.SCENES,
    **prom.SCENES,
    **title.SCENES,
}


def render(scene_id: str) -> str:
    """Draw one background by id and return its SVG document."""
    if scene_id not in SCENES:
        known = ", ".join(sorted(SCENES))
        raise KeyError(f"unknown background id {scene_id!r}; known ids: {known}")
    canvas = Canvas(scene_id)
    SCENES[scene_id](canvas)
    return canvas.to_svg()
