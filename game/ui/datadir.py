"""Where the game keeps what the player makes (saves, settings, endings found), and how it reads and writes it safely.

The folder is the platform's user data directory (platformdirs); tests and portable installs point
HEARTSTOPPER_DATA_DIR somewhere else. Every file is written atomically: a temporary file in the same folder, then a
rename, so a crash never leaves half a save.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from game import jsonfiles

APP_NAME = "heartstopper-season-two"
ENV_VAR = "HEARTSTOPPER_DATA_DIR"


def data_dir() -> Path:
    """The game's data folder (not created here)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def story_slug(title: str) -> str:
    """A folder name for one story's saves and progress, from its title."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "story"


def write_json(path: Path, value: object) -> None:
    """Write `value` as readable JSON, atomically (see game.jsonfiles)."""
    jsonfiles.write_json(path, value)


def read_json(path: Path) -> object:
    """Parse the JSON file at `path`: raises OSError or ValueError (too large, bad bytes, bad JSON, too deep)."""
    return jsonfiles.read_json(path)
