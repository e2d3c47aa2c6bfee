"""The words of staging an author can use beyond who stands where: transitions, places on stage, colour backgrounds
and the full-screen text mode.

- A transition (`with: dissolve | fade | move | none`, with an optional `duration` in seconds) rides on any stage
  change; the engine passes it on in the event and the front end presents it (the player's reduce-motion setting
  turns every one into a cut).
- A place is a named place (`far_left`, `left`, `center`, `right`, `far_right`) or any fraction of the width from
  0 (the left edge) to 1 (the right edge): `at: 0.4`. Places are kept as text (`"0.4"`), so saves and the stage
  record stay plain strings.
- A background can be a solid colour, `"#rrggbb"` (Ren'Py's `scene black` is `background: "#000000"`).
- `mode: nvl` shows the lines that follow on a full page of text, one under another, until `mode: adv` (the
  dialogue box) or the end of the scene.

The loader reads these (`read_transition`, `read_place`); the stage record, the linter and the front ends ask
`place_fraction` and `is_colour`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from game.problems import did_you_mean
from game.yaml_fields import FieldReader, type_name
from game.yaml_source import Pos, YMap

TRANSITIONS = ("dissolve", "fade", "move", "none")
DEFAULT_DURATIONS = {"dissolve": 0.5, "fade": 1.0, "move": 0.5, "none": 0.0}
MAX_DURATION = 10.0
# left and right stand where the three places always stood on the 1280-wide canvas (290 and 990)
NAMED_PLACES: dict[str, float] = {
    "far_left": 0.1,
    "left": 290 / 1280,
    "center": 0.5,
    "right": 990 / 1280,
    "far_right": 0.9,
}
DEFAULT_PLACE = "center"
TEXT_MODES = ("adv", "nvl")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")


class Transition(NamedTuple):
    kind: str  # one of TRANSITIONS
    duration: float  # seconds


def is_colour(asset: str | None) -> bool:
    """Whether a background is a solid colour (`#rrggbb`) rather than an asset id."""
    return bool(asset) and asset.startswith("#")  # type: ignore[union-attr]


def colour_rgb(asset: str) -> tuple[int, int, int]:
    return int(asset[1:3], 16), int(asset[3:5], 16), int(asset[5:7], 16)


def place_fraction(place: str | None) -> float:
    """Where a place is, as a fraction of the stage's width (the centre for anything unknown)."""
    if place is None:
        return NAMED_PLACES[DEFAULT_PLACE]
    if place in NAMED_PLACES:
        return NAMED_PLACES[place]
    try:
        value = float(place)
    except ValueError:
        return NAMED_PLACES[DEFAULT_PLACE]
    return min(1.0, max(0.0, value))


def is_place(text: object) -> bool:
    """Whether saved or cached text names a place (a named place, or a fraction from 0 to 1)."""
    if not isinstance(text, str):
        return False
    if text in NAMED_PLACES:
        return True
    try:
        return 0.0 <= float(text) <= 1.0
    except ValueError:
        return False


def read_place(reader: FieldReader, value: object, pos: Pos) -> str | None:
    """`at:` as stored: a named place, or a fraction written as short text ("0.4"); None after reporting."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        reader.error(pos, f"a place on stage must be a name or a number, but it is {type_name(value)}", _PLACE_HINT)
        return None
    if isinstance(value, str):
        if value in NAMED_PLACES:
            return value
        hint = did_you_mean(value, NAMED_PLACES) or _PLACE_HINT
        reader.error(pos, f"'{value}' is not a place on stage", hint)
        return None
    if not 0 <= value <= 1:
        reader.error(
            pos, f"{value} is off the stage", "a fraction of the width is from 0 (left edge) to 1 (right edge)"
        )
        return None
    return f"{float(value):g}"


_PLACE_HINT = "use " + ", ".join(NAMED_PLACES) + ", or a fraction of the width such as 0.4"


def read_transition(reader: FieldReader, spec: YMap, what: str) -> Transition | None:
    """The `with:` and `duration:` of a mapping (a show, a hide, a background, a scene); None when it has neither
    (or they are wrong, after reporting)."""
    if "with" not in spec:
        if "duration" in spec:
            reader.error(spec.where("duration"), f"'duration' of {what} needs 'with'", "add 'with: dissolve'")
        return None
    kind = spec["with"]
    if kind not in TRANSITIONS:
        hint = did_you_mean(str(kind), TRANSITIONS) or "the transitions are " + ", ".join(TRANSITIONS)
        reader.error(spec.where("with"), f"unknown transition '{kind}'", hint)
        return None
    duration = DEFAULT_DURATIONS[kind]
    if "duration" in spec:
        given = spec["duration"]
        if isinstance(given, bool) or not isinstance(given, (int, float)) or not 0 <= given <= MAX_DURATION:
            reader.error(
                spec.where("duration"),
                f"'duration' must be a number of seconds from 0 to {MAX_DURATION:g}, but it is {given!r}",
                "for example 'duration: 0.8'",
            )
            return None
        duration = float(given)
    return Transition(kind, 0.0 if kind == "none" else duration)
