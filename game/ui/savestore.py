"""Save slots on disk: numbered pages, a quick save and rotating autosaves, one JSON file per slot.

A slot file holds the playthrough's own `save()` data plus what the front end needs to show the slot and resume the
picture exactly (stage, recent backlog, a PNG thumbnail as base64). Reading never raises: a file that cannot be
understood is reported as a damaged slot.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from game.jsonfiles import json_text, staged, sweep_temporaries
from game.ui.datadir import read_json, write_json

log = logging.getLogger(__name__)

FORMAT = 1
SLOTS_PER_PAGE = 9
PAGES = 6
AUTOSAVES = 9
QUICK = "quick"
MAX_SHOWN_TITLE_CHARS = 200  # of a chapter or scene title read from a slot: stories cap theirs at 100 characters

# Why a slot is damaged, in the player's words (shown after "This save is damaged and cannot be loaded:")
CANNOT_OPEN = "the file cannot be opened"
NOT_WHOLE = "the file is not a whole save; it may have been cut short or changed by hand"
NOT_A_SAVE = "the file is not a save of this game"
OTHER_VERSION = "it was made by a different version of the game"

SlotStatus = Literal["empty", "ok", "damaged"]


@dataclass(frozen=True, slots=True)
class Slot:
    """What the save screen shows for one slot."""

    key: str
    status: SlotStatus
    record: dict | None = None
    problem: str = ""

    @property
    def scene_title(self) -> str:
        return self._text("scene_title")

    @property
    def chapter(self) -> str:
        return self._text("chapter")

    def _text(self, key: str) -> str:
        """A title from the slot, cut short: a hand-edited save may hold any amount of text."""
        value = self.record.get(key, "") if self.record else ""
        return value[:MAX_SHOWN_TITLE_CHARS] if isinstance(value, str) else ""

    @property
    def saved_at(self) -> datetime | None:
        if not self.record:
            return None
        try:
            return datetime.fromisoformat(str(self.record.get("saved_at")))
        except ValueError:
            return None

    @property
    def thumbnail_png(self) -> bytes | None:
        if not self.record or not isinstance(self.record.get("thumbnail"), str):
            return None
        try:
            return base64.b64decode(self.record["thumbnail"], validate=True)
        except (binascii.Error, ValueError):
            return None


def why_not_written(err: OSError) -> str:
    """Why a save could not be written, in the player's words."""
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the save folder cannot be written to"
    return (err.strerror or "the file could not be written").lower()


def page_keys(page: str) -> list[str]:
    """The slot keys on a page: "auto", "quick" or a page number "1".."6"."""
    if page == "auto":
        return [f"auto-{i}" for i in range(1, AUTOSAVES + 1)]
    if page == "quick":
        return [QUICK]
    n = int(page)
    return [str((n - 1) * SLOTS_PER_PAGE + i) for i in range(1, SLOTS_PER_PAGE + 1)]


def make_record(
    *,
    snapshot: dict,
    scene: str,
    scene_title: str,
    chapter: str,
    story_title: str,
    story_version: object,
    extra: dict,
    thumbnail_png: bytes | None,
    now: datetime,
) -> dict:
    """The JSON object written to a slot."""
    return {
        "format": FORMAT,
        "story_title": story_title,
        "story_version": story_version,
        "saved_at": now.isoformat(timespec="seconds"),
        "scene": scene,
        "scene_title": scene_title,
        "chapter": chapter,
        "playthrough": snapshot,
        "frontend": extra,
        "thumbnail": base64.b64encode(thumbnail_png).decode("ascii") if thumbnail_png else None,
    }


class SaveStore:
    """The save folder of one story."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def read(self, key: str) -> Slot:
        path = self.path(key)
        if not path.exists():
            return Slot(key, "empty")
        try:
            raw = read_json(path)
        except OSError as err:
            log.info("save %s cannot be opened: %s", path, err)
            return Slot(key, "damaged", problem=CANNOT_OPEN)
        except ValueError as err:  # the parser's own words (and Python's) are for the log, not the player
            log.info("save %s cannot be read: %s", path, err)
            return Slot(key, "damaged", problem=NOT_WHOLE)
        if not isinstance(raw, dict) or not isinstance(raw.get("playthrough"), dict):
            return Slot(key, "damaged", problem=NOT_A_SAVE)
        if raw.get("format") != FORMAT:
            return Slot(key, "damaged", problem=OTHER_VERSION)
        return Slot(key, "ok", record=raw)

    def write(self, key: str, record: dict) -> None:
        write_json(self.path(key), record)

    def delete(self, key: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(key).unlink()

    def autosave(self, record: dict) -> None:
        """Write `record` as the newest autosave, moving older ones down and dropping the oldest.

        The new autosave is written whole first; only then are the older ones moved (renames, which need no room on
        the disk), so a write that fails (a full disk) raises OSError with every autosave as it was.
        """
        with staged(self.path("auto-1"), json_text(record)) as new:
            for i in range(AUTOSAVES - 1, 0, -1):
                src = self.path(f"auto-{i}")
                if src.exists():
                    src.replace(self.path(f"auto-{i + 1}"))
            new.replace(self.path("auto-1"))

    def sweep(self) -> int:
        """Remove what killed saves left behind in the folder (see game.jsonfiles); how many files went."""
        return sweep_temporaries(self.folder)

    def latest(self) -> Slot | None:
        """The most recently written readable save of any kind (for "Continue")."""
        best: tuple[datetime, int, Slot] | None = None
        if not self.folder.is_dir():
            return None
        for path in self.folder.glob("*.json"):
            slot = self.read(path.stem)
            when = slot.saved_at
            if slot.status != "ok" or when is None:
                continue
            try:
                written = path.stat().st_mtime_ns  # saves made within the same second
            except OSError:
                continue
            if best is None or (when, written) > best[:2]:
                best = (when, written, slot)
        return best[2] if best else None
