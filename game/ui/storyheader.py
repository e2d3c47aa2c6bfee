"""The little the title screen needs before the story is loaded: its title, its id, its icon and where its art is.

Loading and checking a whole story takes a few hundred milliseconds; reading these two facts takes a few. The game
draws its title screen from the header first and loads the story right after, so the window shows something at
once. If the manifest cannot be read here, the full loader reports why a moment later.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from game.branding import Branding, plain_branding
from game.paths import assets_dir_for
from game.yaml_fields import ID_PATTERN


@dataclass(frozen=True, slots=True)
class StoryHeader:
    title: str
    story_dir: Path
    assets_dir: Path
    id: str = ""  # the manifest's `id:` ("" when it has none: then the title's slug is the id, see game.story_id)
    icon: str | None = None  # the manifest's `icon` (an id in the assets' icons/ folder), when it is a valid id
    branding: Branding | None = None  # the title screen and window, read leniently (game.branding.plain_branding)


def read_header(story_dir: Path) -> StoryHeader:
    title = story_id = ""
    icon = None
    manifest: object = None
    try:
        with open(story_dir / "story.yaml", encoding="utf-8") as handle:
            manifest = yaml.safe_load(handle)
        if isinstance(manifest, dict) and isinstance(manifest.get("title"), str):
            title = manifest["title"]
        if isinstance(manifest, dict) and isinstance(manifest.get("id"), str):
            story_id = manifest["id"]
        if isinstance(manifest, dict) and isinstance(manifest.get("icon"), str) and ID_PATTERN.match(manifest["icon"]):
            icon = manifest["icon"]
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        pass
    branding = plain_branding(manifest, title)
    return StoryHeader(title, story_dir, assets_dir_for(story_dir), story_id, icon, branding)
