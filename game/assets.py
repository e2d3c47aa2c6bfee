"""From asset ids in a story to files in the assets folder, and never anywhere else.

Stories name art and sound by id (`background: paris_hotel`); this module is the one place that turns an id into a
path, for the game, the linter and the tools alike. Ids are checked against the id pattern (so `../../etc/passwd`
or an absolute path can never become a path), and a file that is a link pointing out of the assets folder is treated
as missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from game.yaml_fields import ID_PATTERN

AssetKind = Literal["background", "music", "sound", "sprite"]

FOLDERS: dict[AssetKind, str] = {"background": "backgrounds", "music": "music", "sound": "sounds",
                                 "sprite": "sprites"}
SUFFIXES: dict[AssetKind, tuple[str, ...]] = {
    "background": (".svg", ".png", ".jpg"),
    "music": (".ogg", ".wav", ".mp3"),
    "sound": (".wav", ".ogg"),
    "sprite": (".svg", ".png"),
}


class AssetCatalog:
    """Finds the files behind asset ids in one assets folder."""

    def __init__(self, assets_dir: Path) -> None:
        self.root = assets_dir.resolve()

    def _confined(self, path: Path) -> Path | None:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a link loop, on Python before 3.13
            return None
        try:
            if not resolved.is_relative_to(self.root) or not resolved.is_file():
                return None
        except OSError:
            return None
        return resolved

    def _find(self, folder: Path, name: str, suffixes: tuple[str, ...]) -> Path | None:
        if not ID_PATTERN.match(name):
            return None
        for suffix in suffixes:
            found = self._confined(folder / f"{name}{suffix}")
            if found is not None:
                return found
        return None

    def path(self, kind: AssetKind, asset_id: str) -> Path | None:
        """The file for a background, music or sound id, or None when there is none (or it escapes the folder)."""
        return self._find(self.root / FOLDERS[kind], asset_id, SUFFIXES[kind])

    def sprite(self, who: str, expression: str) -> Path | None:
        if not ID_PATTERN.match(who):
            return None
        return self._find(self.root / "sprites" / who, expression, SUFFIXES["sprite"])

    def ids(self, kind: AssetKind) -> set[str]:
        """Every id that has a file of this kind (sprites: 'who/expression')."""
        folder = self.root / FOLDERS[kind]
        if not folder.is_dir():
            return set()
        if kind == "sprite":
            return {f"{path.parent.name}/{path.stem}" for path in folder.glob("*/*")
                    if path.suffix in SUFFIXES["sprite"] and self._confined(path)}
        return {path.stem for path in folder.iterdir() if path.suffix in SUFFIXES[kind] and self._confined(path)}

    def expressions(self, who: str) -> set[str]:
        """The expressions a character has sprites for."""
        if not ID_PATTERN.match(who):
            return set()
        folder = self.root / "sprites" / who
        if not folder.is_dir():
            return set()
        return {path.stem for path in folder.iterdir() if path.suffix in SUFFIXES["sprite"] and self._confined(path)}
