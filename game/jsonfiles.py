"""Writing the files players and tools make (saves, settings, progress, reports) without ever losing one.

Writes go to a temporary file in the same folder, are flushed to disk, then renamed over the old file, so a crash
or a kill at any moment leaves either the old file or the whole new one. Reads refuse files far larger than any
the game writes, before reading them, and turn every way a file can be unreadable (bad bytes, bad JSON, absurd
nesting) into a `ValueError`, so callers handle one kind of failure.

A process killed while writing leaves its temporary file (`.NAME.RANDOM.tmp`, never a `*.json` the game reads);
`sweep_temporaries` removes such leftovers when the game starts.

The game's own files (saves, settings) stay the owner's alone, as the temporary file is made. A file the user asked
a command for (`write_output`: a JUnit or HTML report, a story map, witnesses, a capture's index) is an ordinary new
file instead, readable as the user's umask allows (0666 less the umask), like any file a program creates.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

MAX_JSON_BYTES = 8 * 1024 * 1024
TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER_SECONDS = 60  # a save takes well under a second: an older temporary file was left by a killed writer


@contextlib.contextmanager
def staged(path: Path, data: bytes | str, *, ordinary: bool = False) -> Iterator[Path]:
    """Write `data` whole to a temporary file beside `path` and yield it; the caller renames it into place.

    The temporary file is on disk (flushed and synced) before the caller does anything else, so a caller can make
    room for it (rotating autosaves) only once it is known to be safe. If it is still there when the block ends
    (the caller failed, or chose not to use it), it is removed. It is the owner's alone, or with `ordinary` has the
    permissions of an ordinary new file (see `write_output`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            if ordinary:
                os.fchmod(stream.fileno(), ORDINARY_FILE & ~umask())
            os.fsync(stream.fileno())
        yield Path(temporary)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` so that readers see either the old file or the new one, never a mix."""
    with staged(path, data) as temporary:
        os.replace(temporary, path)


def write_output(path: Path, data: bytes | str) -> None:
    """Write a file the user asked for (a report, a map), atomically, as an ordinary new file: 0666 less the
    umask, not the owner-only file `write_atomic` leaves."""
    with staged(path, data, ordinary=True) as temporary:
        os.replace(temporary, path)


ORDINARY_FILE = 0o666


@functools.cache
def umask() -> int:
    """This process's umask, read without changing it where the system says it (Linux's /proc/self/status), so
    no thread ever creates a file under a umask of 0; elsewhere set and put back at once."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def json_text(value: object) -> str:
    """`value` as the readable JSON every file the game writes holds."""
    return json.dumps(value, indent=1, ensure_ascii=False) + "\n"


def write_json(path: Path, value: object) -> None:
    """Write `value` as readable JSON, atomically."""
    write_atomic(path, json_text(value))


def sweep_temporaries(folder: Path, *, now: float | None = None) -> int:
    """Remove the temporary files killed writers left in `folder` (older than a minute); how many went."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER_SECONDS:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def read_json(path: Path, max_bytes: int = MAX_JSON_BYTES) -> object:
    """Parse a JSON file. Raises OSError when it cannot be opened and ValueError when it is not readable JSON."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # a named pipe would wait for a writer for ever; a device never ends
        raise ValueError("it is not a plain file")
    size = info.st_size
    if size > max_bytes:
        raise ValueError(f"the file is far too large ({size / 1_048_576:.0f} MB)")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise ValueError("the JSON is nested far too deeply") from None
    except UnicodeDecodeError:
        raise ValueError("the file is not UTF-8 text") from None
