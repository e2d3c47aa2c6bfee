"""Where the game keeps what the player makes (saves, settings, endings found), and how it writes it safely.

The folder is the platform's user data directory (platformdirs); tests and portable installs point
HEARTSTOPPER_DATA_DIR somewhere else. Every file is written atomically: a temporary file in the same folder, then a
rename, so a crash never leaves half a save.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path

import platformdirs

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


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` so that readers see either the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_json(path: Path, value: object) -> None:
    """Write `value` as pretty JSON, atomically."""
    write_atomic(path, json.dumps(value, indent=1, ensure_ascii=False, sort_keys=False) + "\n")


def read_json(path: Path) -> object:
    """Parse the JSON file at `path` (raises OSError or ValueError)."""
    return json.loads(path.read_text(encoding="utf-8"))
