"""The story format's own words: the keys of the manifest, scenes, choices and variables, the beats, effects and
places, and the names no author may take. One list each, read by the loader, its scene builder and the schemas'
tests."""

from __future__ import annotations

from game.dressing import DRESSING_KEYS
from game.staging import NAMED_PLACES

MANIFEST_NAME = "story.yaml"
DEFAULT_SCENE_GLOBS = ("scenes/**/*.yaml",)
MAX_BEAT_DEPTH = 12
MAX_TITLE_CHARS = 100  # a story, scene or ending title, a chapter or a character's name: one line on screen

MANIFEST_KEYS = (
    "id",
    "title",
    "version",
    "start",
    "scenes",
    "characters",
    "variables",
    "invariants",
    "endings",
    "content_note",
    "closing_note",
    "chapters",
    "icon",
    "constants",
    "title_screen",
    "window_title",
)
SCENE_KEYS = (
    "title",
    "chapter",
    "background",
    "music",
    "lines",
    "choices",
    "next",
    "ending",
    *DRESSING_KEYS,
    "with",
    "duration",
)
SHOW_KEYS = ("who", "as", "at", "outfit", "with", "duration")  # `- show: {...}`
CHOICE_KEYS = ("text", "goto", "set", "add", "if", "locked", "once", "fallback", "flavor", "lines")
VARIABLE_KEYS = ("type", "default", "min", "max", "values", "about", "labels")
EFFECTS = ("leaves", "sparkles", "hearts", "fade", "shake")
PLACES = tuple(NAMED_PLACES)  # and any fraction of the width (game.staging)
TEXT_BEATS = ("narrate", "think", "message")
STAGE_BEATS = ("show", "hide", "background", "music", "sound", "effect")
MODE_BEAT = "mode"  # `- mode: nvl` / `- mode: adv`; not reserved: in a story with a character 'mode', it still speaks
OTHER_BEATS = ("set", "add", "goto", "if")
RESERVED = frozenset(TEXT_BEATS + STAGE_BEATS + OTHER_BEATS + ("then", "else", "narrator", "none", "all"))
NARRATOR = "narrator"
CONDITION_WORDS = ("true", "false", "and", "or", "not", "visited")  # no variable or constant may take these names
EXTEND = "extend"  # not reserved: in a story with a character 'extend', the key stays that character's speech
CALL = "call"  # not reserved either: in a story with a character 'call', the key stays that character's speech
RETURN = "return"  # a beat written as the bare word: the last line of a sub-scene
