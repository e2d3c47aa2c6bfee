"""Time of day and season: the same places by day, at dusk and by night, in spring, summer and autumn.

Why it exists: the story runs from spring into June, by day and by night, but each place is drawn once. A variant
is the same drawing with the light and the trees changed, so it is always the same place: the canvas carries the
wanted `time` and `season`, the few helpers that draw light and leaves ask it (the sky's colours, stars and the
moon, lamp glows, the trees' canopies and the leaves on the ground), and `grade` lays the night's or the day's
light over the finished picture. The plain file of a background is autumn at its own time of day (`BASE_TIME`).

Outdoor places get variants (`OUTDOORS` is also what the game reads to keep falling leaves outdoors). A room keeps
one picture, unless its light is the point of it: `ROOM_TIMES` lists the rooms drawn at other times of day too (the
prom hall, a night disco in its plain file, is also seen in the afternoon while the friends dress it); such a room
draws its other times itself, and is never graded or given falling leaves.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import palette as p

TIMES = ("day", "dusk", "night")
SEASONS = ("spring", "summer")  # autumn is every background's own season

# The time of day each outdoor place is drawn at in its plain file.
BASE_TIME = {
    "rugby_pitch": "day",
    "higgs_courtyard": "day",
    "london_shops": "day",
    "eiffel_tower": "dusk",
    "montmartre_steps": "dusk",
    "louvre": "dusk",
    "riverside_cafe": "dusk",
    "nick_garden": "dusk",
    "street_night": "night",
    "woods_party": "night",
}
OUTDOORS = tuple(sorted(BASE_TIME))

# Rooms seen at more than one time of day: their own time in the plain file, and the other times they are drawn at.
ROOM_TIMES = {
    "prom_hall": ("night", ("day",)),
    "paris_hotel": ("dusk", ("day", "night")),  # the sky in its French window
}

SKIES = {
    "day": ["#9cc6e8", "#c4dcef", "#e9eef0", "#f6ead6"],
    "dusk": ["#8f88c4", "#c99cc0", "#eeb3a8", "#f8d6b4"],
    "night": [p.NIGHT_TOP, "#313a6a", "#454a7e", p.NIGHT_BOTTOM],
}
CANOPY = {
    "spring": ("#a9cf8c", "#f4c6d6", "#8fbf7a", "#cfe3a8", "#f9dde6", "#b7d89a"),
    "summer": ("#6f9a5e", "#8fbb6e", "#5d8750", "#a7c77c", "#7eaa64", "#98bf74"),
}
GROUND = {  # what lies on the grass instead of fallen leaves
    "spring": ("#f6c9d8", "#fbeef2", "#f3b5c9", "#fff6e0"),
    "summer": ("#8fbb6e", "#a7c77c", "#6f9a5e", "#f3d35b"),
}


def variants(scene_id: str) -> list[tuple[str | None, str | None]]:
    """(time, season) of every variant file of a background: each season at the place's own time, and both
    day and night (where they are not its own time) in autumn, spring and summer."""
    base = BASE_TIME.get(scene_id)
    if base is None:
        return [(time, None) for time in ROOM_TIMES[scene_id][1]] if scene_id in ROOM_TIMES else []
    out: list[tuple[str | None, str | None]] = [(None, season) for season in SEASONS]
    for time in ("day", "night"):
        if time != base:
            out += [(time, None), *((time, season) for season in SEASONS)]
    return out


def variant_name(scene_id: str, time: str | None, season: str | None) -> str:
    return ".".join(part for part in (scene_id, season, time) if part)


def sky_colours(c: object, colours: Sequence[str]) -> Sequence[str]:
    """A scene's main sky, at the canvas's time of day."""
    time = getattr(c, "time", None)
    return SKIES[time] if time else colours


def canopy(c: object, colours: Sequence[str]) -> Sequence[str]:
    """Tree colours in the canvas's season (as many as asked for, so the drawing is otherwise the same)."""
    season = getattr(c, "season", None)
    if season not in CANOPY:
        return colours
    palette = CANOPY[season]
    return tuple(palette[(i * 2 + (season == "spring")) % len(palette)] for i in range(len(colours)))


def ground_leaf(c: object, colour: str) -> str:
    """A fallen leaf's colour in the canvas's season (spring petals, summer greens)."""
    season = getattr(c, "season", None)
    if season not in GROUND:
        return colour
    palette = GROUND[season]
    return palette[sum(colour.encode()) % len(palette)]


def shows_stars(c: object) -> bool:
    return getattr(c, "time", None) != "day"


def glow_strength(c: object, strength: float) -> float:
    """Lamps and fairy lights barely show in daylight."""
    return strength * 0.3 if getattr(c, "time", None) == "day" else strength


def grade(c: object) -> None:
    """Lay the time of day's light over a finished variant: deep blue for night (with stars and a moon where the
    place had none), a warm lift for day over a place drawn in the evening."""
    from .nature import moon, stars
    from .shapes import flat_rect

    time, base = getattr(c, "time", None), BASE_TIME.get(getattr(c, "name", ""))
    if time is None or time == base:
        return
    if time == "night":
        flat_rect(c, 0, 0, 1280, 720, "#1b2150", opacity=0.36)  # type: ignore[arg-type]
        if base == "day":
            stars(c, 0, 0, 1280, 130, 34)  # type: ignore[arg-type]
            moon(c, 1100, 70, 24)  # type: ignore[arg-type]
    elif time == "day" and base in ("dusk", "night"):
        flat_rect(c, 0, 0, 1280, 720, "#fff6e4", opacity=0.22 if base == "dusk" else 0.38)  # type: ignore[arg-type]
