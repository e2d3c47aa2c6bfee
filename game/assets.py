"""From asset ids in a story to files in the assets folder, and never anywhere else.

Stories name art and sound by id (`background: paris_hotel`); this module is the one place that turns an id into a
path, for the game, the linter and the tools alike. Ids are checked against the id pattern (so `../../etc/passwd`
or an absolute path can never become a path), and a file that is a link pointing out of the assets folder is treated
as missing.
"""

from __future__ import annotations

from pathlib import Path

from game.asset_formats import FOLDERS, SUFFIXES, AssetKind
from game.dressing import DEFAULT_OUTFIT, variant_ids
from game.yaml_fields import ID_PATTERN

__all__ = ["FOLDERS", "SUFFIXES", "AssetCatalog", "AssetKind"]


def confined_file(path: Path, root: Path) -> Path | None:
    """`path` followed through any links, when that is a regular file within `root` (resolved); else None.

    A story's art and sound are the files in its assets folder: a link there that leads elsewhere (a file of the
    system, another folder of the user's) is not the story's, so it is never read, by the game or by the tools."""
    try:
        resolved = path.resolve()
        if not resolved.is_relative_to(root) or not resolved.is_file():
            return None
    except (OSError, RuntimeError):  # RuntimeError: a link loop, on Python before 3.13
        return None
    return resolved


def first_confined_file(folder: Path, name: str, suffixes: tuple[str, ...], root: Path) -> Path | None:
    """The first FOLDER/NAME.SUFFIX, for the suffixes in order, that is a file within `root` (`confined_file`)."""
    resolved_root = root.resolve()
    for suffix in suffixes:
        found = confined_file(folder / f"{name}{suffix}", resolved_root)
        if found is not None:
            return found
    return None


class AssetCatalog:
    """Finds the files behind asset ids in one assets folder.

    A catalog reads each folder once: what it found is remembered for its lifetime (one lint run), since a large
    story asks about the same few files tens of thousands of times. Make a new one to see files added since.
    """

    def __init__(self, assets_dir: Path) -> None:
        self.root = assets_dir.resolve()
        self._confined_memo: dict[Path, Path | None] = {}
        self._stems_memo: dict[Path, frozenset[str]] = {}
        self._ids_memo: dict[AssetKind, frozenset[str]] = {}

    def _confined(self, path: Path) -> Path | None:
        if path in self._confined_memo:
            return self._confined_memo[path]
        found = self._confined_now(path)
        self._confined_memo[path] = found
        return found

    def _confined_now(self, path: Path) -> Path | None:
        return confined_file(path, self.root)

    def _find(self, folder: Path, name: str, suffixes: tuple[str, ...]) -> Path | None:
        if not all(ID_PATTERN.match(part) for part in name.split(".")):  # ids, or a background variant's id.parts
            return None
        for suffix in suffixes:
            found = self._confined(folder / f"{name}{suffix}")
            if found is not None:
                return found
        return None

    def path(self, kind: AssetKind, asset_id: str) -> Path | None:
        """The file for a background, music, sound or icon id, or None when there is none (or it escapes the folder).

        A background variant (`eiffel_tower.night`, see `game.dressing`) falls back to fewer parts, then to the
        plain background, as the game does."""
        if kind == "background":
            if not all(ID_PATTERN.match(part) for part in asset_id.split(".")):
                return None
            for name in variant_ids(asset_id):
                found = self._find(self.root / FOLDERS[kind], name, SUFFIXES[kind])
                if found is not None:
                    return found
            return None
        return self._find(self.root / FOLDERS[kind], asset_id, SUFFIXES[kind])

    def sprite(self, who: str, expression: str, outfit: str | None = None) -> Path | None:
        """sprites/WHO/OUTFIT/EXPRESSION (no fallback for a named outfit), else sprites/WHO/default/EXPRESSION, else
        the flat sprites/WHO/EXPRESSION of stories made before outfits."""
        if not ID_PATTERN.match(who):
            return None
        folder = self.root / "sprites" / who
        if outfit and outfit != DEFAULT_OUTFIT:
            return self._find(folder / outfit, expression, SUFFIXES["sprite"]) if ID_PATTERN.match(outfit) else None
        return self._find(folder / DEFAULT_OUTFIT, expression, SUFFIXES["sprite"]) or self._find(
            folder, expression, SUFFIXES["sprite"]
        )

    def ids(self, kind: AssetKind) -> set[str]:
        """Every id that has a file of this kind (sprites: 'who/expression')."""
        if kind not in self._ids_memo:
            self._ids_memo[kind] = frozenset(self._ids(kind))
        return set(self._ids_memo[kind])

    def _ids(self, kind: AssetKind) -> set[str]:
        folder = self.root / FOLDERS[kind]
        if not folder.is_dir():
            return set()
        if kind == "sprite":  # the default clothes only ('who/expression'); other outfits are a wardrobe to pick from
            return {
                f"{who.name}/{expression}"
                for who in folder.iterdir()
                if who.is_dir()
                for expression in self.expressions(who.name)
            }
        return {path.stem for path in folder.iterdir() if path.suffix in SUFFIXES[kind] and self._confined(path)}

    def expressions(self, who: str, outfit: str | None = None) -> set[str]:
        """The expressions a character has sprites for (in `outfit`; by default their default clothes)."""
        if not ID_PATTERN.match(who) or (outfit is not None and not ID_PATTERN.match(outfit)):
            return set()
        folder = self.root / "sprites" / who
        if outfit and outfit != DEFAULT_OUTFIT:
            return self._stems(folder / outfit)
        return self._stems(folder / DEFAULT_OUTFIT) | self._stems(folder)

    def outfits(self, who: str) -> set[str]:
        """The outfits a character has a folder of sprites for (besides the default clothes)."""
        folder = self.root / "sprites" / who
        if not ID_PATTERN.match(who) or not folder.is_dir():
            return set()
        return {p.name for p in folder.iterdir() if p.is_dir() and p.name != DEFAULT_OUTFIT and self._stems(p)}

    def _stems(self, folder: Path) -> set[str]:
        if folder not in self._stems_memo:
            self._stems_memo[folder] = frozenset(
                {path.stem for path in folder.iterdir() if path.suffix in SUFFIXES["sprite"] and self._confined(path)}
                if folder.is_dir()
                else ()
            )
        return set(self._stems_memo[folder])
