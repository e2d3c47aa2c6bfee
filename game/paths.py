"""Where the shipped story and assets live, from a source checkout and from an installed package alike.

In a checkout they are the top-level `story/` and `assets/` folders beside `game/`; an installed wheel carries them
inside the package as `game/_bundled/`. Everything else asks this module rather than guessing.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def default_story_dir() -> Path:
    """The shipped story folder."""
    return _first_existing(_PACKAGE / "_bundled" / "story", _PACKAGE.parent / "story")


def default_assets_dir() -> Path:
    """The shipped assets folder."""
    return _first_existing(_PACKAGE / "_bundled" / "assets", _PACKAGE.parent / "assets")


def own_assets_dir(story_dir: Path) -> Path | None:
    """The story's own assets: its `assets/` folder, else the one beside it; None when it has neither."""
    story_dir = story_dir.resolve()
    for candidate in (story_dir / "assets", story_dir.parent / "assets"):
        if candidate.is_dir():
            return candidate
    return None


def assets_dir_for(story_dir: Path) -> Path:
    """The assets a story uses: its own `assets/` folder if it has one, else the one beside it, else the shipped one.

    This lets `--story DIR` point at a copy of the story next to its own assets, or at a story with no art at all
    (which then borrows the shipped art).
    """
    return own_assets_dir(story_dir) or default_assets_dir()
