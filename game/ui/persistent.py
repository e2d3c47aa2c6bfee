"""What the game remembers across playthroughs: endings found, text already seen, chapters reached.

This is what makes the endings gallery, "skip seen text only" and the chapter list work after a restart. It is kept
per story, and written atomically whenever something new is learned (seen text in batches), together with whatever
another window of the game wrote to it meanwhile.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from game.ui.datadir import read_json, write_json

log = logging.getLogger(__name__)


class Persistent:
    """Endings found (id -> first time), beat ids seen and chapters reached, for one story."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.endings: dict[str, str] = {}
        self.seen: set[str] = set()
        self.chapters: set[str] = set()
        self._dirty = False
        self._load()

    def _load(self) -> None:
        self._take(self._read(warn=True))

    def _read(self, *, warn: bool) -> dict:
        """The file's contents (empty when there is none or it cannot be used)."""
        if not self.path.exists():
            return {}
        try:
            raw = read_json(self.path)
        except (OSError, ValueError) as err:
            if warn:
                log.warning("progress file %s cannot be read (%s); starting afresh", self.path, err)
            return {}
        return raw if isinstance(raw, dict) else {}

    def _take(self, raw: dict) -> None:
        """Add what a progress file says to what is known here: every ending (at the first time either found it),
        every line seen, every chapter reached."""
        endings = raw.get("endings")
        if isinstance(endings, dict):
            for ending, when in endings.items():
                known = self.endings.get(str(ending))
                self.endings[str(ending)] = min(known, str(when)) if known is not None else str(when)
        seen = raw.get("seen")
        if isinstance(seen, list):
            self.seen.update(str(x) for x in seen)
        chapters = raw.get("chapters")
        if isinstance(chapters, list):
            self.chapters.update(str(x) for x in chapters)

    def mark_seen(self, beat_id: str) -> None:
        if beat_id and beat_id not in self.seen:
            self.seen.add(beat_id)
            self._dirty = True

    def reach_chapter(self, chapter: str) -> None:
        if chapter and chapter not in self.chapters:
            self.chapters.add(chapter)
            self._dirty = True
            self.flush()

    def add_ending(self, ending: str, when: datetime | None = None) -> bool:
        """Record an ending; True when it is found for the first time."""
        if ending in self.endings:
            return False
        self.endings[ending] = (when or datetime.now()).isoformat(timespec="minutes")
        self._dirty = True
        self.flush()
        return True

    def flush(self) -> None:
        """Write the file if anything changed since the last write."""
        if not self._dirty:
            return
        # Another window of the game may have learned something since this one read the file (two games open at
        # once): what it wrote is kept, not overwritten.
        self._take(self._read(warn=False))
        try:
            write_json(
                self.path,
                {"endings": self.endings, "chapters": sorted(self.chapters), "seen": sorted(self.seen)},
            )
            self._dirty = False
        except OSError as err:
            log.warning("cannot save progress to %s: %s", self.path, err)
