"""Where the game keeps what the player makes (saves, settings, endings found), and how it reads and writes it safely.

The folder is the platform's user data directory (platformdirs); tests and portable installs point
HEARTSTOPPER_DATA_DIR somewhere else. Every file is written atomically: a temporary file in the same folder, then a
rename, so a crash never leaves half a save.

Each story has a folder of its own, named by the story's id (game.story_id). A story that is given an `id:` other
than its title's slug finds its saves in the old, slug-named folder: they are copied into the new folder once, whole
or not at all, and the old folder is left as it was, so nothing is ever lost on the way.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

import platformdirs

from game import jsonfiles
from game.story_id import story_slug

log = logging.getLogger(__name__)

APP_NAME = "heartstopper-season-two"
ENV_VAR = "HEARTSTOPPER_DATA_DIR"


def data_dir() -> Path:
    """The game's data folder (not created here)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


__all__ = ["APP_NAME", "ENV_VAR", "data_dir", "read_json", "story_folder", "story_slug", "write_json"]


def story_folder(root: Path, key: str, title: str) -> Path:
    """The folder of the story with id `key` under the data folder `root`, bringing over the saves of its title.

    When the id's folder does not exist yet and the title's slug names a folder (saves made before the story had
    this id), that folder is copied to a temporary name beside it and renamed into place, so the new folder is
    either complete or absent. If the copy fails (a full disk), the old folder is used this time and the copy is
    tried again at the next start. The old folder is never changed.
    """
    folder = root / key
    legacy = root / story_slug(title)
    for stale in root.glob(f".{key}.moving-*") if root.is_dir() else ():  # a copy cut short by a kill
        shutil.rmtree(stale, ignore_errors=True)
    if legacy == folder or folder.exists() or not legacy.is_dir() or legacy.is_symlink():
        return folder
    staging = root / f".{key}.moving-{os.getpid()}"
    try:
        shutil.copytree(legacy, staging, symlinks=True, copy_function=shutil.copy2)
        os.rename(staging, folder)
    except OSError as err:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        log.warning("cannot copy the saves in %s to %s (%s); using them where they are", legacy, folder, err)
        return legacy
    return folder


def write_json(path: Path, value: object) -> None:
    """Write `value` as readable JSON, atomically (see game.jsonfiles)."""
    jsonfiles.write_json(path, value)


def read_json(path: Path) -> object:
    """Parse the JSON file at `path`: raises OSError or ValueError (too large, bad bytes, bad JSON, too deep)."""
    return jsonfiles.read_json(path)
