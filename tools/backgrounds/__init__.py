"""Original background art for the game, generated as SVG.

Why it exists: every background is drawn by code in this package (no bitmaps, no borrowed art), in one
hand-drawn comic style, so a change of palette or line weight restyles the whole game at once. Each
scene module registers its settings in `SCENES`; `render(id)` returns the finished SVG text.
"""

from __future__ import annotations

from collections.abc import Callable

from . import home, london, paris, prom, school, title, town
from .svg import Canvas
from .variants import OUTDOORS, SEASONS, grade, variant_name, variants

__all__ = ["OUTDOORS", "SCENES", "files", "render"]

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


def render(scene_id: str, time: str | None = None, season: str | None = None) -> str:
    """Draw one background by id (or one of its variants, see `variants`) and return its SVG document."""
    if scene_id not in SCENES:
        known = ", ".join(sorted(SCENES))
        raise KeyError(f"unknown background id {scene_id!r}; known ids: {known}")
    canvas = Canvas(scene_id)
    canvas.time, canvas.season = time, season
    SCENES[scene_id](canvas)
    grade(canvas)
    return canvas.to_svg()


def files() -> dict[str, tuple[str, str | None, str | None]]:
    """Every file to build: file name (without .svg) -> (background id, time, season).

    Outdoor places get their day, night and season variants; a room gets its other times of day (`ROOM_TIMES`),
    and spring and summer variants of each only when its window shows trees (the season changes something)."""
    out: dict[str, tuple[str, str | None, str | None]] = {}
    for scene_id in sorted(SCENES):
        out[scene_id] = (scene_id, None, None)
        wanted = variants(scene_id)
        if scene_id not in OUTDOORS and scene_id != "title":
            for time in (None, *(time for time, _ in wanted)):
                plain = render(scene_id, time)
                wanted += [(time, season) for season in SEASONS if render(scene_id, time, season) != plain]
        for time, season in wanted:
            out[variant_name(scene_id, time, season)] = (scene_id, time, season)
    return out
