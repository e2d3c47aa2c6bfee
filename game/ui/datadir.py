"""Where the game keeps what the player makes (saves, settings, endings found), and how it reads and writes it safely.

The folder is the platform's user data directory (platformdirs), named after the program (`heartstopper`); tests
and portable installs point HEARTSTOPPER_DATA_DIR somewhere else. It was once named after the shipped story, which
also names that story's own folder inside it, so the path said `heartstopper-season-two` twice: at the first start
under the new name the old folder is renamed to it, whole (one rename: nothing is copied, nothing can be half
moved). Every file is written atomically: a temporary file in the same folder, then a rename, so a crash never
leaves half a save.

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

APP_NAME = "heartstopper-season-two"  # the caches' folder name (game.ui.rastercache, game.story_cache)
DATA_FOLDER = "heartstopper"  # the data folder's name: the program's, so a story's folder in it never repeats it
OLD_DATA_FOLDER = "heartstopper-season-two"  # the data folder's name before, moved to DATA_FOLDER at the first start
ENV_VAR = "HEARTSTOPPER_DATA_DIR"


def data_dir() -> Path:
    """The game's data folder (not created here; an old one is moved to its new name, see `moved_from_old_name`)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return moved_from_old_name(Path(platformdirs.user_data_dir(DATA_FOLDER, appauthor=False)), OLD_DATA_FOLDER)


def moved_from_old_name(folder: Path, old_name: str) -> Path:
    """`folder`, after renaming its sibling `old_name` to it when only the old one exists.

    A rename within one folder is atomic: every save, the settings and the progress arrive together or stay where
    they were. If the rename fails (the old folder is in use on Windows, or read-only), the old folder is used where
    it is this time and the move is tried again at the next start.
    """
    old = folder.parent / old_name
    if old == folder or folder.exists() or folder.is_symlink() or old.is_symlink() or not old.is_dir():
        return folder
    try:
        os.rename(old, folder)
    except OSError as err:
        log.warning("cannot rename %s to %s (%s); using it where it is", old, folder, err)
        return old
    log.info("moved the game's data from %s to %s", old, folder)
    return folder


__all__ = [
    "APP_NAME",
    "DATA_FOLDER",
    "ENV_VAR",
    "data_dir",
    "moved_from_old_name",
    "read_json",
    "story_folder",
    "story_slug",
    "write_json",
]


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
