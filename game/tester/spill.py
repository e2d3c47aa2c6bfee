"""A partition's visited set that moves to disk when its process outgrows its share of `--memory-budget`.

Until then it is a plain dictionary (key -> local state number). On `spill()` its entries go into an SQLite table
in a temporary folder (keys written as their `repr` with the visit counts and once-choices sorted, so equal keys
are equal bytes whatever the order of their sets), and from then on new entries wait in a small dictionary that is
flushed into the table in batches: memory stays bounded by that batch, at the price of a table look-up for each
state found again. SQLite is in the standard library and survives any key count; the folder is removed on
`close()`.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.tester.explore import Key

FLUSH_EVERY = 65_536  # entries kept in memory between two writes to the table, once spilled


def _canonical(key: Key) -> bytes:
    scene, values, counts, once, stack = key
    return repr((scene, values, sorted(counts), sorted(once), stack)).encode()


class VisitedSet:
    """key -> local state number, in memory until `spill()`, then on disk."""

    def __init__(self, budget: int | None = None) -> None:
        self.budget = budget
        self.spilled = False
        self.table: dict[Key, int] = {}
        self.get: Callable[[Key], int | None] = self.table.get  # key -> its local state number, None if new
        # key, local state number -> None: the dictionary's own method until a spill (a Python call per new state
        # costs the explorer more than the store itself)
        self.insert: Callable[[Key, int], None] = self.table.__setitem__
        self._db: sqlite3.Connection | None = None
        self._folder: Path | None = None

    def __len__(self) -> int:
        on_disk = self._db.execute("SELECT COUNT(*) FROM seen").fetchone()[0] if self._db is not None else 0
        return on_disk + len(self.table)

    def _insert_spilled(self, key: Key, local: int) -> None:
        self.table[key] = local
        if len(self.table) >= FLUSH_EVERY:
            self._flush()

    def spill(self) -> None:
        """Move every entry to a table on disk; later look-ups read it."""
        if self._db is not None:
            return
        self._folder = Path(tempfile.mkdtemp(prefix="heartstopper-visited-"))
        self._db = sqlite3.connect(self._folder / "visited.sqlite3")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE seen (k BLOB PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
        self.spilled = True
        self.get = self._get_spilled
        self.insert = self._insert_spilled
        self._flush()

    def _flush(self) -> None:
        assert self._db is not None
        self._db.executemany("INSERT INTO seen VALUES (?, ?)", ((_canonical(k), v) for k, v in self.table.items()))
        self._db.commit()
        self.table = {}

    def _get_spilled(self, key: Key) -> int | None:
        found = self.table.get(key)
        if found is not None:
            return found
        assert self._db is not None
        row = self._db.execute("SELECT v FROM seen WHERE k = ?", (_canonical(key),)).fetchone()
        return None if row is None else int(row[0])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
