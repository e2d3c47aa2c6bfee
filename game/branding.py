"""What a story's own game wears: the title screen's words, picture and music, and the window's title.

Every story owns its game, so none of this is the engine's: the manifest's `title_screen` and `window_title` say it
(docs/AUTHORING.md, "The title screen and window"), and a story that says nothing gets plain defaults made from its
own title, never another story's words. The loader reads the manifest strictly (`read_branding`, with a problem at
each wrong value); the title screen, drawn before the story has loaded, reads the same keys leniently
(`plain_branding`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from game.model import Location
from game.staging import COLOUR
from game.yaml_fields import ID_PATTERN, FieldReader
from game.yaml_source import Pos, YMap

TITLE_SCREEN_KEYS = ("heading", "subtitle", "footer", "background", "music")
DEFAULT_TITLE_ART = "title"  # the background and music id the title screen uses when the manifest names none
MAX_LINE_CHARS = 80


@dataclass(frozen=True, slots=True)
class Branding:
    heading: str  # the big words of the title screen
    subtitle: str  # the line under them ("" for none)
    footer: str  # the credits line at the foot of the title screen ("" for none)
    background: str | None  # a background id or "#rrggbb"; None: the `title` background if the assets have one
    music: str | None  # a music id or "none"; None: the `title` music if the assets have it
    window_title: str
    background_at: Location | None = None  # where the manifest names them (for the linter)
    music_at: Location | None = None

    @property
    def given_background(self) -> bool:
        return self.background is not None


def default_branding(title: str) -> Branding:
    """A story's title screen when its manifest says nothing: `Main: Sub` gives heading `Main`, subtitle `Sub`."""
    heading, _, subtitle = title.partition(":")
    return Branding(heading.strip() or title, subtitle.strip(), "", None, None, title)


def branding_of(story: object) -> Branding:
    """The branding of a loaded story or of a story header (`game.ui.storyheader`): its own, else the defaults."""
    own = getattr(story, "branding", None)
    return own if isinstance(own, Branding) else default_branding(str(getattr(story, "title", "") or ""))


def read_branding(reader: FieldReader, manifest: YMap, title: str, file: str) -> Branding:
    """The manifest's `title_screen` and `window_title`, every wrong value reported where it is written."""
    base = default_branding(title)
    window = reader.text(manifest, "window_title", "the manifest", max_chars=MAX_LINE_CHARS)
    window_title = window if isinstance(window, str) else base.window_title
    if "title_screen" not in manifest:
        return replace(base, window_title=window_title)
    screen = reader.record(
        manifest["title_screen"], manifest.where("title_screen"), "title_screen", TITLE_SCREEN_KEYS, "{footer: ...}"
    )
    if screen is None:
        return replace(base, window_title=window_title)
    words = {}
    for key in ("heading", "subtitle", "footer"):
        value = reader.text(screen, key, "title_screen", empty_ok=key != "heading", max_chars=MAX_LINE_CHARS)
        words[key] = value.strip() if isinstance(value, str) else getattr(base, key)
    background = music = None
    background_at = music_at = None
    if "background" in screen:
        background_at = _at(file, screen.value_pos["background"])
        value = screen["background"]
        if isinstance(value, str) and COLOUR.match(value):
            background = value.lower()
        else:
            background = reader.identifier(value, screen.value_pos["background"], 'background id (or "#rrggbb")')
    if "music" in screen:
        music_at = _at(file, screen.value_pos["music"])
        value = screen["music"]
        music = "none" if value is None else reader.identifier(value, screen.value_pos["music"], "music id")
    return Branding(
        words["heading"], words["subtitle"], words["footer"], background, music, window_title, background_at, music_at
    )


def plain_branding(manifest: object, title: str) -> Branding:
    """The same keys read from plain YAML without complaint (a wrong value is left at its default): for the title
    screen, drawn before the story is loaded and checked."""
    base = default_branding(title)
    if not isinstance(manifest, dict):
        return base
    fields = _fields(base)
    if isinstance(manifest.get("window_title"), str):
        fields["window_title"] = manifest["window_title"]
    screen = manifest.get("title_screen")
    if isinstance(screen, dict):
        for key in ("heading", "subtitle", "footer"):
            if isinstance(screen.get(key), str) and (key != "heading" or screen[key].strip()):
                fields[key] = screen[key].strip()
        background = screen.get("background")
        if isinstance(background, str) and (COLOUR.match(background) or ID_PATTERN.match(background)):
            fields["background"] = background.lower()
        if "music" in screen:
            music = screen["music"]
            fields["music"] = (
                "none" if music is None else (music if isinstance(music, str) and ID_PATTERN.match(music) else None)
            )
    return Branding(**fields)


def _fields(branding: Branding) -> dict:
    return {item.name: getattr(branding, item.name) for item in fields(Branding)}


def _at(file: str, pos: Pos) -> Location:
    return Location(file, pos.line, pos.column)
