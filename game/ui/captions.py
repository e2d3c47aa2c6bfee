"""Captions for sounds and music changes ("[a door closes]", "[music: tender]"), for players who cannot hear them.

The words come from `captions.yaml` in the story's assets folder (`sounds:` and `music:`, each id to a short
phrase); a sound or piece of music it does not name is captioned with its id, underscores as spaces, so every
sound has a caption even in a story that ships no file. The file is read once, with the same care as any file a
story brings: a damaged one is reported in the log and ignored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from game.assets import confined_file

log = logging.getLogger(__name__)

CAPTIONS_FILE = "captions.yaml"
MAX_BYTES = 256 * 1024
MAX_WORDS = 80  # characters of one caption


@dataclass(frozen=True, slots=True)
class Captions:
    sounds: dict[str, str] = field(default_factory=dict)
    music: dict[str, str] = field(default_factory=dict)

    def sound(self, asset: str) -> str:
        return f"[{self.sounds.get(asset) or _words(asset)}]"

    def music_change(self, asset: str | None) -> str:
        if asset is None or asset == "none":
            return "[music stops]"
        return f"[music: {self.music.get(asset) or _words(asset)}]"


def load_captions(assets_dir: Path) -> Captions:
    """The captions a story's assets give (empty where it gives none or the file cannot be used)."""
    path = assets_dir / CAPTIONS_FILE
    if path.exists() and confined_file(path, assets_dir.resolve()) is None:
        log.warning("%s leads out of the story's assets; sounds are captioned with their names", path)
        return Captions()
    try:
        if path.stat().st_size > MAX_BYTES:
            log.warning("%s is too large; sounds are captioned with their names", path)
            return Captions()
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Captions()
    except (OSError, UnicodeError, yaml.YAMLError) as err:
        log.warning("cannot read %s (%s); sounds are captioned with their names", path, err)
        return Captions()
    if not isinstance(data, dict):
        log.warning("%s is not a mapping; sounds are captioned with their names", path)
        return Captions()
    return Captions(_table(data.get("sounds"), path, "sounds"), _table(data.get("music"), path, "music"))


def _table(raw: object, path: Path, name: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        log.warning("%s: '%s' is not a mapping of ids to words; ignored", path, name)
        return {}
    return {str(k): " ".join(str(v).split())[:MAX_WORDS] for k, v in raw.items() if isinstance(v, str) and v.strip()}


def _words(asset: str) -> str:
    return asset.replace("_", " ").replace("-", " ").strip() or "a sound"
